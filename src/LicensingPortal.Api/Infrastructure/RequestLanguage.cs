using LicensingPortal.Rules.Model;
using Microsoft.Net.Http.Headers;

namespace LicensingPortal.Api.Infrastructure;

/// <summary>Bahasa Indonesia unless the client's Accept-Language prefers English.</summary>
public static class RequestLanguage
{
    public static Language From(HttpContext context) => Preferred(context) ?? Language.Indonesian;

    /// <summary>The first of the service's languages the request's Accept-Language names (any English, any Indonesian), or null.</summary>
    public static Language? Preferred(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? string.Empty)
            .FirstOrDefault(l => l.StartsWith(Languages.Indonesian, StringComparison.OrdinalIgnoreCase) || l.StartsWith(Languages.English, StringComparison.OrdinalIgnoreCase));
        return preferred is null ? null
            : preferred.StartsWith(Languages.English, StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Indonesian;
    }

    public static void SetContentLanguage(HttpContext context, Language language)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers[HeaderNames.ContentLanguage] = language.Code();
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
    }
}
