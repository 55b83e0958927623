using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Objections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Walikota.Banding;

/// <summary>
/// One appeal to the mayor as the mayor's office reads it (GET /api/appeals/{id}) and its answer (POST …/answer): the
/// objection it follows with the officer's answer, the owner's evidence (opened through the reader's access history),
/// the appeal's words and its last day. The answer changes no decision.
/// </summary>
public sealed class DetailModel : PortalPage
{
    private const string AnsweredKey = "Banding.Dijawab";

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["outcome"] = nameof(Outcome),
        ["answer"] = nameof(Answer),
    };

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>"tetap" (the refusal stands) or "dikabulkan" (the appeal is granted).</summary>
    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public OpenObjection.Response Case { get; private set; } = null!;

    /// <summary>The answer was just sent: said once after the redirect.</summary>
    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Answered = TempData[AnsweredKey] is true;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    /// <summary>Opens a document the owner attached to the objection as evidence (none other); the reading is kept in the reader's access history.</summary>
    public async Task<IActionResult> OnGetDokumenAsync(Guid dokumen, CancellationToken cancellationToken)
    {
        if (FromAnotherSite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await LoadAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        // The owner's evidence only: the application's own documents (an identity card) are the officers' to audit.
        if (Case.Objection.Evidence.All(e => e.Id != dokumen))
        {
            return NotFound();
        }

        var opened = await Sender.Send(new OpenCaseDocument.Command(UserId, Case.Objection.ApplicationId, dokumen), cancellationToken);
        return opened.Succeeded ? File(opened.Value.Content, opened.Value.ContentType, opened.Value.FileName) : Failure(opened.Error!);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ObjectionOutcome? outcome = Outcome switch { "tetap" => ObjectionOutcome.Stands, "dikabulkan" => ObjectionOutcome.Upheld, _ => null };
        var answered = await Sender.Send(new AnswerAppeal.Command(UserId, Id, outcome, Answer, Language), cancellationToken);
        if (answered.Succeeded)
        {
            TempData[AnsweredKey] = true;
            return RedirectToPage(new { id = Id });
        }

        if (answered.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(answered.Error, Fields);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await Sender.Send(new OpenAppeal.Query(Id, Language), cancellationToken);
        if (!found.Succeeded)
        {
            return Failure(found.Error!);
        }

        Case = found.Value;
        return null;
    }
}
