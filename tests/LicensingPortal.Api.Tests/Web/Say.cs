using System.Globalization;
using LicensingPortal.Api.Infrastructure.Web;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>The service's own texts (its resource files), so that tests find a button by what the reader sees in each language.</summary>
public static class Say
{
    private static readonly IReadOnlyDictionary<string, string> Indonesian = Texts.All(Cultures.Indonesian.Parent);
    private static readonly IReadOnlyDictionary<string, string> English = Texts.All(CultureInfo.InvariantCulture);

    public static string Id(string key, params object[] arguments) => Format(Indonesian, key, arguments);

    public static string En(string key, params object[] arguments) => Format(English, key, arguments);

    public static string In(string language, string key, params object[] arguments) => language.StartsWith("en", StringComparison.Ordinal) ? En(key, arguments) : Id(key, arguments);

    private static string Format(IReadOnlyDictionary<string, string> texts, string key, object[] arguments) =>
        texts.TryGetValue(key, out var text)
            ? string.Format(CultureInfo.InvariantCulture, text, arguments)
            : throw new KeyNotFoundException($"No text '{key}'.");
}
