using LicensingPortal.Api.Features.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.Pemeriksaan;

/// <summary>
/// The inspectors' visits (GET /api/audit/inspections): those booked, the soonest first, the visits called off whose
/// inspector's office is to be told (marked told, POST /api/audit/inspections/{visit}/office-told), and the permits
/// whose holders wait for one. A mark just made can be taken back from the page's banner (DELETE
/// /api/audit/inspections/{visit}/office-told).
/// </summary>
public sealed class IndexModel : PortalPage
{
    private const string ToldKey = "Pemeriksaan.Diberitahukan";
    private const string ToldVisitKey = "Pemeriksaan.Diberitahukan.Kunjungan";
    private const string UndoneKey = "Pemeriksaan.DibatalkanTandanya";

    public ListInspections.Response Inspections { get; private set; } = null!;

    /// <summary>The business whose called-off visit was just marked told: said once after the redirect.</summary>
    public string? Told { get; private set; }

    /// <summary>The visit just marked told, for its mark to be taken back.</summary>
    public Guid? ToldVisit { get; private set; }

    /// <summary>The business whose visit's mark was just taken back: said once after the redirect.</summary>
    public string? Undone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Told = TempData[ToldKey] as string;
        // TempData keeps a Guid as a Guid (its serializer reads one back from the cookie as such).
        ToldVisit = TempData[ToldVisitKey] as Guid?;
        Undone = TempData[UndoneKey] as string;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostToldAsync(Guid visit, CancellationToken cancellationToken) =>
        await AnsweredAsync(await Sender.Send(new MarkOfficeTold.Command(UserId, visit), cancellationToken), told =>
        {
            TempData[ToldKey] = told.BusinessName;
            TempData[ToldVisitKey] = told.VisitId;
        }, cancellationToken);

    public async Task<IActionResult> OnPostUndoAsync(Guid visit, CancellationToken cancellationToken) =>
        await AnsweredAsync(await Sender.Send(new UndoOfficeTold.Command(visit), cancellationToken), undone => TempData[UndoneKey] = undone.BusinessName, cancellationToken);

    /// <summary>After a mark or its undoing: what to say is kept for the list read again; a visit not found is 404; any other refusal is shown on the list.</summary>
    private async Task<IActionResult> AnsweredAsync<T>(Result<T> result, Action<T> remember, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            remember(result.Value);
            return RedirectToPage();
        }

        if (result.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(result.Error);
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
