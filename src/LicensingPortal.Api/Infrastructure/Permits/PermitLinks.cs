namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// The public addresses of a permit: its verification (printed in the QR code, so it never changes) and its PDF.
/// </summary>
public sealed class PermitLinks(PublicAddress address)
{
    /// <summary>The service's public address (no trailing slash), for a link a background job writes.</summary>
    public string ServiceAddress() => address.BaseUrl();

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

    /// <summary>
    /// The applicant's page for a question to the office about a permit (in the revocation notice): on the topic of
    /// permits, naming the application it was issued on, which the officer then opens beside the question.
    /// </summary>
    public string AskAbout(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return $"{address.BaseUrl()}{AskPath(permit.ApplicationId)}";
    }

    /// <summary>The question page's path for a permit issued on an application (also the permits page's link).</summary>
    public static string AskPath(Guid applicationId) => $"/pemohon/tanya?tentang=izin&permohonan={applicationId}";

    public string Document(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return $"{address.BaseUrl()}/api/permits/{Uri.EscapeDataString(permit.Number)}/document";
    }
}
