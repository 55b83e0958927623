using System.Globalization;
using System.Resources;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>
/// The user-facing texts outside views (validation messages, field names), from the same resource files the pages
/// use, in the current UI culture: Bahasa Indonesia unless the reader chose English.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("LicensingPortal.Api.Resources.SharedResource", typeof(Texts).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The text named after a stored value ("Audit.LogType.{type}"), or the value itself when it has none.</summary>
    public static string NameOf(string prefix, string value) => NameOf(prefix, value, CultureInfo.CurrentUICulture);

    /// <summary>The same in a given language.</summary>
    public static string NameOf(string prefix, string value, CultureInfo culture) => Resources.GetString($"{prefix}.{value}", culture) ?? value;

    /// <summary>A text in a given language, or null when there is none by that key.</summary>
    public static string? In(CultureInfo culture, string key) => Resources.GetString(key, culture);

    public static string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(key), arguments);

    /// <summary>Every key and its text in one language (for the test that both languages have every text).</summary>
    public static IReadOnlyDictionary<string, string> All(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No texts in {culture.Name}.");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
