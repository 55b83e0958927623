using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; when empty, emails are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "Email:SmtpPort must be a port number (1-65535).")]
    public int SmtpPort { get; set; } = 25;

    /// <summary>Use STARTTLS when the server offers it (Auto), always (StartTls), on connect (SslOnConnect) or never (None).</summary>
    [RegularExpression("^(Auto|None|StartTls|SslOnConnect)$", ErrorMessage = "Email:Security must be Auto, None, StartTls or SslOnConnect.")]
    public string Security { get; set; } = "Auto";

    /// <summary>Keep SMTP connections open between messages (one per delivery worker); false opens one per message.</summary>
    public bool KeepConnections { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required(ErrorMessage = "Email:FromAddress is required.")]
    [EmailAddress(ErrorMessage = "Email:FromAddress must be an e-mail address.")]
    public string FromAddress { get; set; } = "no-reply@licensingportal.kupangkota.go.id";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Email:FromName is required.")]
    public string FromName { get; set; } = "DPMPTSP Kota Kupang";

    /// <summary>Where emails go without an SMTP server; relative to the data folder.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Email:PickupDirectory must name a folder.")]
    public string PickupDirectory { get; set; } = "mail-pickup";
}
