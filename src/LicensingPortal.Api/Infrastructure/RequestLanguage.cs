using LicensingPortal.Rules.Model;
using Microsoft.Net.Http.Headers;

namespace LicensingPortal.Api.Infrastructure;

/// <summary>Bahasa Indonesia unless the client's Accept-Language prefers English.</summary>
public static class RequestLanguage
{
    public static Language From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? string.Empty)
            .FirstOrDefault(l => l.StartsWith("id", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Indonesian;
    }

    public static string Code(this Language language) => language == Language.English ? "en" : "id";

    public static Language Parse(string code) => code == "en" ? Language.English : Language.Indonesian;

    public static void SetContentLanguage(HttpContext context, Language language)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers[HeaderNames.ContentLanguage] = language.Code();
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
    }
}
