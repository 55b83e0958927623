using System.Text.RegularExpressions;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>How the service's addresses look: pages at lower-case, hyphenated Indonesian paths; the API under /api.</summary>
public static partial class PageRoutes
{
    /// <summary>"Pemohon/KotakMasuk" becomes "pemohon/kotak-masuk"; route parameters are kept as they are.</summary>
    public static string? Kebab(string? template) =>
        template is null ? null : Words().Replace(template, match => match.Value.StartsWith('{') ? match.Value : string.Join('-', Split().Split(match.Value).Where(w => w.Length > 0)).ToLowerInvariant());

    /// <summary>Machine clients' addresses (they get problem+json); everything else is a page for people.</summary>
    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/hangfire");
    }

    [GeneratedRegex(@"\{[^}]*\}|[^/{}]+")]
    private static partial Regex Words();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex Split();
}
