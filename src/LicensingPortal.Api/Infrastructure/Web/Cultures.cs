using System.Globalization;
using LicensingPortal.Rules.Model;
using Microsoft.AspNetCore.Localization;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>
/// The two languages of the service. Bahasa Indonesia is the default; a reader's choice is kept in a cookie (the
/// language switch on every page), else the browser's Accept-Language decides. Dates are shown in WITA and money
/// as rupiah in the reader's language's format.
/// </summary>
public static class Cultures
{
    public const string CookieName = ".LicensingPortal.Bahasa";

    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IApplicationBuilder UseCultures(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Indonesian);
            options.SupportedCultures = [Indonesian, English];
            options.SupportedUICultures = [Indonesian, English];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                // Any English (en, en-US, en-AU) reads English and any Indonesian reads Bahasa Indonesia, as the API's
                // explanations do (RequestLanguage): a client asking for "en" gets its validation messages in English too.
                new CustomRequestCultureProvider(context => Task.FromResult<ProviderCultureResult?>(
                    RequestLanguage.Preferred(context) is { } language ? new ProviderCultureResult(Of(language).Name) : null)),
            ];
        });

    public static Language Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Language.English : Language.Indonesian;

    /// <summary>Remembers the reader's language for a year, and uses it for the rest of this request.</summary>
    public static void Remember(HttpResponse response, Language language)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, CookieValue(language), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
        });
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Of(language);
    }

    public static CultureInfo Of(Language language) => language == Language.English ? English : Indonesian;

    /// <summary>The cookie value that keeps a reader's language for a year.</summary>
    public static string CookieValue(Language language) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Of(language)));

    /// <summary>A moment as the reader reads it: WITA, in their language's date format.</summary>
    public static string Wita(DateTimeOffset moment) => WitaIn(CultureInfo.CurrentCulture, moment);

    /// <summary>A moment in WITA as a reader of <paramref name="culture"/> reads it (an e-mail in its recipient's language).</summary>
    public static string WitaIn(CultureInfo culture, DateTimeOffset moment)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return moment.ToOffset(Domain.Wita.Offset).ToString(culture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy, HH:mm 'WITA'" : "d MMMM yyyy, HH.mm 'WITA'", culture);
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date with its weekday ("Jumat, 25 Desember 2026"): a holiday's, a deadline's.</summary>
    public static string Day(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Whole rupiah as Indonesian spelling writes it, no space after "Rp": "Rp1.250.000" in Bahasa Indonesia, "Rp1,250,000" in English (as the decisions' plain words write it too).</summary>
    public static string Rupiah(long amount) => "Rp" + amount.ToString("#,0", CultureInfo.CurrentCulture);

    /// <summary>
    /// How long something took, as people say it: under a second, seconds to one decimal ("2,5 detik"), or over ten
    /// seconds for the decision-time histogram's open last bucket (<see cref="int.MaxValue"/>).
    /// </summary>
    public static string Duration(int milliseconds) => milliseconds switch
    {
        < 1000 => Texts.Get("Duration.UnderASecond"),
        int.MaxValue => Texts.Get("Duration.OverTenSeconds"),
        _ => Texts.Format("Statistics.Seconds", (milliseconds / 1000.0).ToString("#,0.#", CultureInfo.CurrentCulture)),
    };

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>A file's size as a phone shows it: kilobytes, rounded up, under a megabyte; megabytes to one decimal above ("1,5 MB").</summary>
    public static string FileSize(long bytes) => bytes < 1024 * 1024
        ? Texts.Format("FileSize.Kilobytes", Math.Max(1, (bytes + 1023) / 1024).ToString("#,0", CultureInfo.CurrentCulture))
        : Texts.Format("FileSize.Megabytes", (bytes / (1024.0 * 1024)).ToString("#,0.#", CultureInfo.CurrentCulture));
}
