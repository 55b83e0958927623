namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// The public addresses of a permit: its verification (printed in the QR code, so it never changes) and its PDF.
/// </summary>
public sealed class PermitLinks(PublicAddress address)
{
    /// <summary>The address in the QR code: anyone can open it, without signing in.</summary>
    public string Verification(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return $"{address.BaseUrl()}/api/verify/{Uri.EscapeDataString(permit.Number)}?code={permit.VerificationCode}";
    }

    /// <summary>The applicant's page that starts the renewal of a permit (in the reminder e-mails).</summary>
    public string Renewal(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return $"{address.BaseUrl()}/pemohon/izin/{Uri.EscapeDataString(permit.Number)}/perpanjang";
    }

    /// <summary>The applicant's page for a question to the office, on the topic of permits (in the revocation notice).</summary>
    public string AskAboutPermits() => $"{address.BaseUrl()}/pemohon/tanya?tentang=izin";

    public string Document(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return $"{address.BaseUrl()}/api/permits/{Uri.EscapeDataString(permit.Number)}/document";
    }
}
