using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Every staff page read on a phone over a month of demo applications, in both languages, and an administrator setting a
/// year's holidays there. (Apart from <see cref="StaffAndCitizenWebTests"/>, with its own app and browser, so that
/// neither class is the test run's tail.)
/// </summary>
public sealed class StaffPagesOnAPhoneWebTests(DemoBrowserPortal portal) : IClassFixture<DemoBrowserPortal>
{
    /// <summary>
    /// Staff read on a phone too: every officer, mayor's-office and administrator page, in both languages, fits 320
    /// pixels without sideways scrolling (tables of three columns or more read row by row), links to help and
    /// passes axe.
    /// </summary>
    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-GB")]
    public async Task EveryStaffPage_FitsTheSmallestPhone(string language)
    {
        var problems = new List<string>();
        Task ReadHereAsync(IPage page, string name) => ReadablePagesTests.ReadHereAsync(page, name, language, problems);

        var officer = await portal.NewPageAsync(language);
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await SignInAsync(officer, Roles.Officer, language);
            await officer.GotoAsync("/petugas?Outcome=rejected");
            // On a phone the filters come first; one link leads past them to the results.
            await officer.Locator("#to-results").ClickAsync();
            await Assertions.Expect(officer).ToHaveURLAsync(new Regex("#results$"));
            await ReadHereAsync(officer, "officer-search");
            // The longest activity name in Indonesian has a word of 34 letters ("minimarket/supermarket/hypermarket"): it wraps.
            using (var applicant = await Accounts.CreateAsync(portal.Factory, Roles.Applicant))
            {
                await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Kbli = ["47111"] });
            }

            await officer.GotoAsync("/petugas?Kbli=47111");
            await Assertions.Expect(officer.Locator("tbody tr").First).ToContainTextAsync("(47111)");
            await ReadHereAsync(officer, "officer-search-retail");
            await officer.GotoAsync("/petugas?Outcome=rejected");
            await officer.Locator("tbody tr th a").First.ClickAsync();
            await Assertions.Expect(officer.Locator("#replay, form").First).ToBeAttachedAsync();
            // The log's entries by what they record, in the page's language, and the replay button says it changes nothing.
            await Assertions.Expect(officer.Locator("#log-entries li strong").GetByText(Say.In(language, "Audit.LogType.decision"), new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = Say.In(language, "Audit.Replay.Button") })).ToHaveAccessibleDescriptionAsync(Say.In(language, "Audit.Replay.Hint"));
            // Read as an applicant's page is: no code, id or fingerprint unfolded (the rules by title, the log by date).
            await ReadablePagesTests.ReadHereAsync(officer, "officer-decision", language, problems);
            await officer.GotoAsync("/petugas/what-if");
            await ReadHereAsync(officer, "officer-what-if");
            await officer.GotoAsync("/petugas/notifikasi");
            await ReadHereAsync(officer, "officer-notifications");
            await officer.GotoAsync("/akun/dua-langkah");
            // This officer holds no recovery codes: the page says what they are for, and to make some now.
            await Assertions.Expect(officer.Locator("#codes-low")).ToContainTextAsync(Say.In(language, "TwoFactor.CodesNone"));
            await ReadHereAsync(officer, "staff-two-factor-on");
            // The menu's "account security" says two-step sign-in is on, and offers the password and other devices.
            await Assertions.Expect(officer.Locator("#navigation a[href='/akun/keamanan']")).ToHaveTextAsync(Say.In(language, "Nav.Security"));
            await officer.GotoAsync("/akun/keamanan");
            await Assertions.Expect(officer.Locator("main")).ToContainTextAsync(Say.In(language, "Security.TwoFactor.On"));
            await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = Say.In(language, "Security.Others.Button"), Exact = true })).ToBeVisibleAsync();
            await ReadHereAsync(officer, "staff-account-security");
        });

        var mayor = await portal.NewPageAsync(language);
        await BrowserPortal.StepsAsync(mayor, async () =>
        {
            await SignInAsync(mayor, Roles.Mayor, language);
            await mayor.GotoAsync("/walikota");
            await ReadHereAsync(mayor, "mayor-dashboard");
        });

        var admin = await portal.NewPageAsync(language);
        await BrowserPortal.StepsAsync(admin, async () =>
        {
            await SignInAsync(admin, Roles.Admin, language);
            await admin.GotoAsync("/admin/staf");
            await ReadHereAsync(admin, "admin-staff");
            await admin.Locator("#staff-list a").First.ClickAsync();
            await Assertions.Expect(admin.Locator("#staff-state")).ToBeVisibleAsync();
            await ReadHereAsync(admin, "admin-staff-account");
            await admin.GotoAsync("/admin");
            await ReadHereAsync(admin, "admin");
            // An administrator reads the dashboard, but appeals are the mayor's office's to answer: not said, not opened.
            Assert.Equal(200, (await admin.GotoAsync("/walikota"))!.Status);
            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.In(language == "en-GB" ? "en" : "id", "Reports.Title"));
            await Assertions.Expect(admin.Locator("#appeals-waiting")).ToHaveCountAsync(0);
            Assert.Equal(403, (await admin.GotoAsync("/walikota/banding"))!.Status);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// An administrator reads this year's holidays and sets a later year's from its decree on a phone: a line without
    /// a date is said at its field, nothing kept; then the year is set and the public list has it.
    /// </summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task AnAdministrator_SetsAYearsHolidays_OnAPhone(string language)
    {
        string S(string key, params object[] arguments) => Say.In(language, key, arguments);
        var problems = new List<string>();
        var year = language == "id" ? 2045 : 2046;
        var page = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await SignInAsync(page, Roles.Admin, language);
            await page.GotoAsync("/admin");

            // The start page warns of this year, and from October of next year, while their holidays are not set.
            var today = global::LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow);
            var asked = Pages.Admin.IndexModel.YearsAsked(today);
            var client = portal.Factory.CreateClient();
            var missing = new List<int>();
            foreach (var y in asked)
            {
                if (!(await client.GetFromJsonAsync<global::LicensingPortal.Api.Features.Holidays.ListHolidays.Response>($"/api/public/holidays?year={y}", TestJson.Options))!.Known)
                {
                    missing.Add(y);
                }
            }

            // The test host keeps the office's example contacts: the administrator is told, with the settings for the technical team.
            await Assertions.Expect(page.Locator("#contacts-unset")).ToContainTextAsync(S("Admin.ContactsUnset"));
            await Assertions.Expect(page.Locator("#contacts-unset-settings")).ToHaveTextAsync(S("Admin.ContactsUnset.Settings", string.Join(", ", portal.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<global::LicensingPortal.Api.Features.Help.ServiceContactsOptions>>().Value.Placeholders())));

            await Assertions.Expect(page.Locator("[id^=holidays-missing-]")).ToHaveCountAsync(missing.Count);
            foreach (var y in missing)
            {
                await Assertions.Expect(page.Locator($"#holidays-missing-{y}")).ToContainTextAsync(S("Holidays.Missing", y));
            }

            if (missing.Count > 0)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = S("Holidays.Missing.Link", missing[^1]), Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Holidays.Title", missing[^1]));
                await Assertions.Expect(page.Locator("#holidays-state")).ToContainTextAsync(S("Holidays.NotKnown", missing[^1]));
                await page.GotoAsync("/admin");
            }

            await page.Locator("#holidays-link").ClickAsync();
            var thisYear = today.Year;
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Holidays.Title", thisYear));
            if (thisYear == 2026)
            {
                await Assertions.Expect(page.Locator("#holiday-list")).ToContainTextAsync("Idul Fitri 1447 Hijriah");
            }

            await ReadablePagesTests.ReadHereAsync(page, "admin-holidays", language, problems);
            await page.GotoAsync($"/admin/hari-libur?tahun={year}");
            await Assertions.Expect(page.Locator("#holidays-state")).ToContainTextAsync(S("Holidays.NotKnown", year));
            await page.GetByLabel(S("Holidays.Basis"), new() { Exact = true }).FillAsync($"SKB Nomor 1 Tahun {year - 1}");
            await page.GetByLabel(S("Holidays.National"), new() { Exact = true }).FillAsync($"{year}-01-01 Tahun Baru {year} Masehi\n1 Mei Hari Buruh");
            await page.GetByRole(AriaRole.Button, new() { Name = S("Holidays.Set.Button", year), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(S("Holidays.Line", 2, $"{year}-01-01", "1 Mei Hari Buruh"));
            await ReadablePagesTests.ReadHereAsync(page, "admin-holidays-error", language, problems);
            await page.GetByLabel(S("Holidays.National"), new() { Exact = true }).FillAsync($"{year}-01-01 Tahun Baru {year} Masehi\n{year}-05-01 Hari Buruh Internasional");
            await page.GetByLabel(S("Holidays.JointLeave"), new() { Exact = true }).FillAsync($"{year}-01-02 Cuti bersama Tahun Baru");
            await page.GetByRole(AriaRole.Button, new() { Name = S("Holidays.Set.Button", year), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#holidays-saved")).ToContainTextAsync(S("Holidays.Saved", year));
            await Assertions.Expect(page.Locator("#holidays-state")).ToContainTextAsync(S("Holidays.Known", 2, 1, "-").Split(": ")[1]);
            await Assertions.Expect(page.Locator("#holiday-list .govuk-summary-list__row")).ToHaveCountAsync(3);
            await ReadablePagesTests.ReadHereAsync(page, "admin-holidays-set", language, problems);
        });

        var published = (await portal.Factory.CreateClient().GetFromJsonAsync<global::LicensingPortal.Api.Features.Holidays.ListHolidays.Response>($"/api/public/holidays?year={year}", TestJson.Options))!;
        Assert.Equal((true, $"SKB Nomor 1 Tahun {year - 1}"), (published.Known, published.Basis));
        Assert.Equal([new DateOnly(year, 1, 1), new DateOnly(year, 1, 2), new DateOnly(year, 5, 1)], published.Holidays.Select(h => h.Date));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private Task SignInAsync(IPage page, string role, string language = "id") => StaffSignIn.SignInAsync(portal, page, role, language);
}
