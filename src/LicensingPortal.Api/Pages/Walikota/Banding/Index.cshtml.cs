using LicensingPortal.Api.Features.Objections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Walikota.Banding;

/// <summary>The appeals to the mayor (GET /api/appeals): waiting for an answer, due soonest first, or answered, the latest first.</summary>
public sealed class IndexModel : PortalPage
{
    /// <summary>Whether the answered ones are shown ("?dijawab=true").</summary>
    [FromQuery(Name = "dijawab")]
    public bool Answered { get; set; }

    /// <summary>Which page of the list ("?halaman=2"), from 1.</summary>
    [FromQuery(Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public ListObjections.Response Appeals { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await Sender.Send(new ListAppeals.Query(Answered, ListObjections.PageSize, Math.Clamp(PageNumber, 1, 100_000)), cancellationToken);
        if (!list.Succeeded)
        {
            return Failure(list.Error!);
        }

        Appeals = list.Value;
        return Page();
    }
}
