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
        ["Nib", "Kbli", "Risk", "RiskLow", "RiskMediumLow", "RiskMediumHigh", "RiskHigh", "SertifikatStandar", "Izin", "PbUmku", "Sppl", "UklUpl", "Amdal", "Pbg", "Npwp", "Nik", "PmdnPma", "Kelurahan"];

    public GetServiceContacts.Contacts Contacts { get; private set; } = null!;

    /// <summary>A telephone number as a phone dials it from a tap: "(0380) 833 102" as 0380833102, "+62 380 ..." kept international.</summary>
    public static string Dialled(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        return number.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }

    /// <summary>A WhatsApp number as wa.me takes it: international, without "+" or the leading 0 ("0812 ..." as 62812...).</summary>
    public static string WhatsAppNumber(string number)
    {
        var dialled = Dialled(number).TrimStart('+');
        return dialled.StartsWith('0') ? "62" + dialled[1..] : dialled;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contacts = (await Sender.Send(new GetServiceContacts.Query(Language), cancellationToken)).Value;
}
