using LicensingPortal.Api.Features.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.Pemeriksaan;

/// <summary>The inspectors' visits (GET /api/audit/inspections): those booked, the soonest first, and the permits whose holders wait for one.</summary>
public sealed class IndexModel : PortalPage
{
    public ListInspections.Response Inspections { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await Sender.Send(new ListInspections.Query(), cancellationToken);
        if (!list.Succeeded)
        {
            return Failure(list.Error!);
        }

        Inspections = list.Value;
        return Page();
    }
}
