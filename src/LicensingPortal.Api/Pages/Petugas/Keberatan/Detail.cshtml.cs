using LicensingPortal.Api.Features.Objections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.Keberatan;

/// <summary>
/// One objection as the officers read it (GET /api/audit/objections/{id}) and its answer (POST …/answer): the owner's
/// words, the requirements they contest, the decision's case one link away, the day the answer is due. The answer
/// changes no decision.
/// </summary>
public sealed class DetailModel : PortalPage
{
    private const string AnsweredKey = "Keberatan.Dijawab";

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["outcome"] = nameof(Outcome),
        ["answer"] = nameof(Answer),
    };

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>"tetap" (the refusal stands) or "diterima" (the office's own mistake).</summary>
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

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ObjectionOutcome? outcome = Outcome switch { "tetap" => ObjectionOutcome.Stands, "diterima" => ObjectionOutcome.Upheld, _ => null };
        var answered = await Sender.Send(new AnswerObjection.Command(UserId, Id, outcome, Answer, Language), cancellationToken);
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
        var found = await Sender.Send(new OpenObjection.Query(Id, Language), cancellationToken);
        if (!found.Succeeded)
        {
            return Failure(found.Error!);
        }

        Case = found.Value;
        return null;
    }
}
