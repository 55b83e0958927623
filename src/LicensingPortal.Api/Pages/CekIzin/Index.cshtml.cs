using LicensingPortal.Api.Features.Permits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.CekIzin;

/// <summary>
/// Anyone, without signing in, checks a permit by its number and the code printed on it, or by scanning its QR code
/// (the printed address, /api/verify/…, sends browsers here). The same use case as GET /api/verify/{number}.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PortalPage
{
    [FromRoute(Name = "nomor")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    public VerifyPermit.Response? Result { get; private set; }

    /// <summary>
    /// The host of the service's public address (Permits:PublicBaseUrl), which a person checks in the browser's address
    /// bar: a forged QR code opens a copy of this page elsewhere. Null when none is set (then the request's own host
    /// would be named, which a copy's host would be too).
    /// </summary>
    public string? OfficialHost { get; private set; }

    /// <summary>When the check was made, said on the result: an old screenshot held up as a check shows an old time.</summary>
    public DateTimeOffset CheckedAt { get; private set; }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        var address = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.Permits.PermitOptions>>().Value.PublicBaseUrl;
        OfficialHost = Uri.TryCreate(address, UriKind.Absolute, out var official) ? official.Authority : null;
        CheckedAt = Clock.GetUtcNow();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            return Page();
        }

        var checkedPermit = await Sender.Send(new VerifyPermit.Query(Number.Trim(), Code?.Trim(), Language), cancellationToken);
        if (!checkedPermit.Succeeded)
        {
            ShowErrors(checkedPermit.Error!, new Dictionary<string, string> { ["number"] = nameof(Number), ["code"] = nameof(Code) });
            return Page();
        }

        Result = checkedPermit.Value;
        return Page();
    }

    /// <summary>The form's answer: the permit's own address, which can be shared or bookmarked.</summary>
    public IActionResult OnGetFind(string? nomor, string? kode) =>
        string.IsNullOrWhiteSpace(nomor)
            ? Page()
            : Redirect($"/cek-izin/{Uri.EscapeDataString(nomor.Trim())}?kode={Uri.EscapeDataString(kode?.Trim() ?? string.Empty)}");
}
