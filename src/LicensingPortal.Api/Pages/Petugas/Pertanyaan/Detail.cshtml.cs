using LicensingPortal.Api.Features.Questions;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.Pertanyaan;

/// <summary>
/// An applicant's question as the officers read it (GET /api/audit/questions/{id}) and its answer (POST …/answer): the
/// applicant's words, who asked and a search for their applications, their earlier questions, the day it is due.
/// </summary>
public sealed class DetailModel : PortalPage
{
    private const string AnsweredKey = "Pertanyaan.Dijawab";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public OpenQuestion.Response Case { get; private set; } = null!;

    /// <summary>The answer was just sent: said once after the redirect.</summary>
    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Answered = TempData[AnsweredKey] is true;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var answered = await Sender.Send(new AnswerQuestion.Command(UserId, Id, Answer), cancellationToken);
        if (answered.Succeeded)
        {
            TempData[AnsweredKey] = true;
            return RedirectToPage(new { id = Id });
        }

        if (answered.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(answered.Error, new Dictionary<string, string>(StringComparer.Ordinal) { ["answer"] = nameof(Answer) });
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await Sender.Send(new OpenQuestion.Query(Id), cancellationToken);
        if (!found.Succeeded)
        {
            return Failure(found.Error!);
        }

        Case = found.Value;
        return null;
    }
}
