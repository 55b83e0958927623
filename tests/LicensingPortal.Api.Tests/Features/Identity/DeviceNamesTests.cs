using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Tests.Features.Identity;

/// <summary>A sign-in's kind of device and browser, read from the User-Agents phones and computers send today.</summary>
public sealed class DeviceNamesTests
{
    public const string AndroidChrome = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    [Theory]
    [InlineData(AndroidChrome, "android/chrome")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "android/samsung")]
    [InlineData("Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 OPR/79.0.2254.70", "android/opera")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "iphone/safari")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1", "iphone/chrome")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "android-tablet/chrome")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1", "ipad/safari")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0", "mac/firefox")]
    // A Mac, or an iPad asking for desktop pages (Safari's default): the same words, said "Mac or iPad".
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "mac/safari")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "windows/edge")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "windows/chrome")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "chromeos/chrome")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "linux/chrome")]
    [InlineData("curl/8.5.0", "other/other")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void AUserAgent_NamesAKindOfDeviceAndBrowser_NeverAVersion(string? userAgent, string? expected) =>
        Assert.Equal(expected, DeviceNames.Of(userAgent));

    [Theory]
    [InlineData("android/chrome", "id-ID", "HP Android, Chrome")]
    [InlineData("android/chrome", "en-GB", "Android phone, Chrome")]
    [InlineData("windows/other", "id-ID", "Komputer Windows")]
    [InlineData("other/firefox", "en-GB", "Firefox")]
    [InlineData("mac/safari", "en-GB", "Mac or iPad, Safari")]
    [InlineData("android-tablet/chrome", "id-ID", "Tablet Android, Chrome")]
    [InlineData("other/other", "id-ID", "jenis HP atau komputer tidak dikenali")]
    [InlineData(null, "id-ID", null)]
    public void AKindOfDevice_IsSaidInTheReadersLanguage(string? device, string culture, string? expected)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, DeviceNames.Words(device));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
