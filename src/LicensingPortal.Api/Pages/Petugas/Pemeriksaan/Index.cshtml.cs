using LicensingPortal.Api.Features.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.Pemeriksaan;

/// <summary>
/// The inspectors' visits (GET /api/audit/inspections): those booked, the soonest first, the visits called off whose
/// inspector's office is to be told (marked told, POST /api/audit/inspections/{visit}/office-told), and the permits
/// whose holders wait for one.
/// </summary>
public sealed class IndexModel : PortalPage
{
    private const string ToldKey = "Pemeriksaan.Diberitahukan";

    public ListInspections.Response Inspections { get; private set; } = null!;

    /// <summary>The business whose called-off visit was just marked told: said once after the redirect.</summary>
    public string? Told { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Told = TempData[ToldKey] as string;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostToldAsync(Guid visit, CancellationToken cancellationToken)
    {
        var told = await Sender.Send(new MarkOfficeTold.Command(UserId, visit), cancellationToken);
        if (told.Succeeded)
        {
            TempData[ToldKey] = told.Value.BusinessName;
            return RedirectToPage();
        }

        if (told.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(told.Error);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var list = await Sender.Send(new ListInspections.Query(), cancellationToken);
        if (!list.Succeeded)
        {
            return Failure(list.Error!);
        }

        Inspections = list.Value;
        return null;
    }
}
