using LicensingPortal.Api.Features.Help;
using Microsoft.AspNetCore.Authorization;

namespace LicensingPortal.Api.Pages.Bantuan;

/// <summary>
/// Help without a visit: how to apply, what each word means, whom to ask, and how to report anyone who asks for money.
/// Open to everyone; the contacts come from the same use case as GET /api/public/contacts.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PortalPage
{
    /// <summary>The words the pages use, each explained (resource keys Help.Term.* and Help.Define.*).</summary>
    public static readonly IReadOnlyList<string> Terms =
        ["Nib", "Kbli", "Risk", "RiskLow", "RiskMediumLow", "RiskMediumHigh", "RiskHigh", "SertifikatStandar", "Izin", "PbUmku", "Sppl", "UklUpl", "Amdal", "Pbg", "Imb", "Npwp", "Nik", "PmdnPma", "Kelurahan", "DasarHukum", "Wita", "Dpmptsp"];

    public GetServiceContacts.Contacts Contacts { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contacts = (await Sender.Send(new GetServiceContacts.Query(Language), cancellationToken)).Value;
}
