using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Permits;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Usaha;

/// <summary>
/// Closing a business, with a confirmation step: what ends (the NIB and the permits in force, by name), what is
/// discarded (unsent applications), that it cannot be undone, and a box to tick before the button does anything.
/// </summary>
public sealed class TutupModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public BusinessResponse Business { get; private set; } = null!;

    /// <summary>The permits of the business still in force: they end with it.</summary>
    public IReadOnlyList<PermitResponse> Ending { get; private set; } = [];

    [BindProperty(Name = "yakin")]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var business = await Sender.Send(new GetBusiness.Query(UserId, Id), cancellationToken);
        if (!business.Succeeded)
        {
            return Failure(business.Error!);
        }

        Business = business.Value;
        if (Business.ClosedOn is not null)
        {
            return Redirect($"/pemohon/usaha/{Id}");
        }

        var permits = (await Sender.Send(new ListPermits.Query(UserId, Language), cancellationToken)).Value;
        Ending = [.. permits.Where(p => p.BusinessId == Id && p.Status == PermitStatus.Active)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var closed = await Sender.Send(new CloseBusiness.Command(UserId, Id, Confirm), cancellationToken);
        if (closed.Succeeded)
        {
            return Redirect($"/pemohon/usaha/{Id}");
        }

        if (closed.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(closed.Error, new Dictionary<string, string> { ["confirm"] = "yakin" });
        return await OnGetAsync(cancellationToken);
    }
}
