using LicensingPortal.Api.Features.Businesses;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Usaha;

/// <summary>One business as its owner sees it, with a link to correct its details and the corrections made so far.</summary>
public sealed class DetailModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public BusinessResponse Business { get; private set; } = null!;

    public IReadOnlyList<ListBusinessChanges.Change> Changes { get; private set; } = [];

    /// <summary>Set after a correction was saved.</summary>
    [BindProperty(SupportsGet = true, Name = "disimpan")]
    public bool Saved { get; set; }

    /// <summary>Set after a correction of the name or address of a business with permits: printed permits are to be printed again.</summary>
    [BindProperty(SupportsGet = true, Name = "cetak")]
    public bool Reprint { get; set; }

    /// <summary>Set when the business was just registered: the next step is to apply for a permit.</summary>
    [BindProperty(SupportsGet = true, Name = "terdaftar")]
    public bool Registered { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var business = await Sender.Send(new GetBusiness.Query(UserId, Id), cancellationToken);
        if (!business.Succeeded)
        {
            return Failure(business.Error!);
        }

        Business = business.Value;
        Changes = (await Sender.Send(new ListBusinessChanges.Query(UserId, Id), cancellationToken)).Value;
        return Page();
    }
}
