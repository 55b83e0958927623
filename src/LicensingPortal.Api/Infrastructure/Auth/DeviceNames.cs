namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// What kind of device and browser a sign-in came from, in two coarse words read from its User-Agent ("android/chrome"),
/// so an owner reading their sign-ins can tell their own phone from a stranger's computer. No version, model or
/// anything finer is kept: the words name a kind, never a device.
/// </summary>
public static class DeviceNames
{
    /// <summary>The kinds of device named (the last when none is recognised).</summary>
    public static readonly IReadOnlyList<string> Platforms = ["android", "android-tablet", "iphone", "ipad", "windows", "mac", "chromeos", "linux", "other"];

    /// <summary>The browsers named (the last when none is recognised, or a program rather than a browser).</summary>
    public static readonly IReadOnlyList<string> Browsers = ["samsung", "edge", "opera", "firefox", "chrome", "safari", "other"];

    /// <summary>"platform/browser" of a User-Agent; null without one (a program that sends none).</summary>
    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        bool Has(string word) => userAgent.Contains(word, StringComparison.OrdinalIgnoreCase);

        // In this order: Android says "Linux" (and "Mobile" on a phone, not on a tablet), a Chromebook "CrOS". An iPad
        // asking for desktop pages, as Safari does by default, says exactly what a Mac says: "mac" is said "Mac or iPad".
        var platform = Has("Android") ? (Has("Mobile") ? "android" : "android-tablet")
            : Has("iPhone") || Has("iPod") ? "iphone"
            : Has("iPad") ? "ipad"
            : Has("Windows") ? "windows"
            : Has("CrOS") ? "chromeos"
            : Has("Macintosh") || Has("Mac OS X") ? "mac"
            : Has("Linux") ? "linux"
            : "other";

        // Chrome's word is in Edge's, Opera's and Samsung's too, and Safari's in all of theirs: the rarer first.
        var browser = Has("SamsungBrowser") ? "samsung"
            : Has("Edg/") || Has("EdgA/") || Has("EdgiOS/") ? "edge"
            : Has("OPR/") || Has("Opera") ? "opera"
            : Has("Firefox/") || Has("FxiOS/") ? "firefox"
            : Has("Chrome/") || Has("CriOS/") || Has("HeadlessChrome/") ? "chrome"
            : Has("Safari/") && Has("Version/") ? "safari"
            : "other";
        return $"{platform}/{browser}";
    }

    /// <summary>
    /// A sign-in's kind of device and browser in words ("HP Android, Chrome"); a word not recognised is left out, both
    /// said as not recognised; null for a sign-in that sent none (a program) or began before it was kept (a page says
    /// so with <c>Device.NotKept</c>).
    /// </summary>
    public static string? Words(string? device)
    {
        if (device?.Split('/') is not [var platform, var browser])
        {
            return null;
        }

        string? Word(string code) => code == "other" ? null : Web.Texts.In(System.Globalization.CultureInfo.CurrentUICulture, $"Device.{code}");
        var words = new[] { Word(platform), Word(browser) }.OfType<string>().ToList();
        return words.Count == 0 ? Web.Texts.Get("Device.Unknown") : string.Join(", ", words);
    }
}
