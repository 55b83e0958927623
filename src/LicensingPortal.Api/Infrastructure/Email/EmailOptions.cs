namespace LicensingPortal.Api.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; when empty, emails are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>Use STARTTLS when the server offers it (Auto), always (StartTls), on connect (SslOnConnect) or never (None).</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@licensingportal.kupangkota.go.id";

    public string FromName { get; set; } = "DPMPTSP Kota Kupang";

    /// <summary>Where emails go without an SMTP server; relative to the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";
}
