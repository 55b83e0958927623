using LicensingPortal.Api.Features.Questions;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.Pertanyaan;

/// <summary>Applicants' questions (GET /api/audit/questions): waiting for an answer, due soonest first, or answered, the latest first.</summary>
public sealed class IndexModel : PortalPage
{
    /// <summary>Whether the answered ones are shown ("?dijawab=true").</summary>
    [FromQuery(Name = "dijawab")]
    public bool Answered { get; set; }

    /// <summary>Which page of the list ("?halaman=2"), from 1.</summary>
    [FromQuery(Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public ListQuestions.Response Questions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await Sender.Send(new ListQuestions.Query(Answered, ListQuestions.PageSize, Math.Clamp(PageNumber, 1, 100_000)), cancellationToken);
        if (!list.Succeeded)
        {
            return Failure(list.Error!);
        }

        Questions = list.Value;
        return Page();
    }

    /// <summary>The address of another page of the same list.</summary>
    public string PageUrl(int page) =>
        "/petugas/pertanyaan?" + (Answered ? "dijawab=true&" : string.Empty) + "halaman=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
