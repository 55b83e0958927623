using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Pages.Pemohon.Draf;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Izin;

/// <summary>
/// Renewing a permit (the reminder e-mails link here): when it can be renewed, what the renewed permit's validity
/// will be and a button that starts the renewal from the answers the permit was issued on, straight to "check your
/// answers" with its pre-check; when it cannot, why, and what to do instead (an ended permit: a new application
/// filled with the same answers).
/// </summary>
public sealed class PerpanjangModel : PortalPage
{
    [FromRoute(Name = "nomor")]
    public string Number { get; set; } = string.Empty;

    public GetPermitRenewal.Response Renewal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var renewal = await Sender.Send(new GetPermitRenewal.Query(UserId, Number, Language), cancellationToken);
        if (!renewal.Succeeded)
        {
            return Failure(renewal.Error!);
        }

        Renewal = renewal.Value;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        StartAsync(new StartApplicationDraft.Command(UserId, null, null, Number), cancellationToken);

    /// <summary>An ended permit: a new application from the answers it was issued on, straight to "check your answers".</summary>
    public Task<IActionResult> OnPostReapplyAsync(CancellationToken cancellationToken) =>
        StartAsync(new StartApplicationDraft.Command(UserId, null, null, Reapplies: Number), cancellationToken);

    private async Task<IActionResult> StartAsync(StartApplicationDraft.Command command, CancellationToken cancellationToken)
    {
        var draft = await Sender.Send(command, cancellationToken);
        if (draft.Succeeded)
        {
            return Redirect(Urls.Check(draft.Value.Id));
        }

        if (draft.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(draft.Error);
        return await OnGetAsync(cancellationToken);
    }
}
