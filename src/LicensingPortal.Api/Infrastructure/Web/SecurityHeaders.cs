using Microsoft.Net.Http.Headers;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>
/// Headers on every response: no content-type sniffing, no framing, no referrer beyond the origin, and a
/// Content-Security-Policy that allows scripts, styles and images from this origin only (no inline script). The API
/// reference (Scalar) and the job dashboard ship inline scripts of their own and get a policy of their own.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// An uploaded file shown on its own (a photo, a PDF): nothing runs, nothing loads from elsewhere, but the
    /// browser's own image and PDF viewers may draw it (Chrome's PDF viewer is an embedded object, blocked by the page
    /// policy's object-src 'none').
    /// </summary>
    public const string FilePolicy = "default-src 'none'; object-src 'self'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private const string ToolPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            var path = context.Request.Path;
            headers[HeaderNames.ContentSecurityPolicy] = path.StartsWithSegments("/scalar") || path.StartsWithSegments("/hangfire") ? ToolPolicy : PagePolicy;
            return next(context);
        });
}
