using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// The other users in Chromium, over a month of demo applications: the mayor's office reads its dashboard and downloads
/// a table for Excel; anyone reads the statistics and the transparency log; an applicant cannot open staff pages, nor an
/// officer the staff accounts. Every page is checked with axe in both languages. (Every staff page on the smallest phone
/// and a year's holidays are in <see cref="StaffPagesOnAPhoneWebTests"/>, an officer's and an administrator's work in
/// <see cref="OfficerAndAdministratorWebTests"/>, the owners' objections in <see cref="ObjectionWebTests"/>, their
/// questions and the reports of demands for money in <see cref="OwnersAndCitizensWebTests"/>: one class of this size
/// would be the run's tail.)
/// </summary>
public sealed class StaffAndCitizenWebTests(DemoBrowserPortal portal) : IClassFixture<DemoBrowserPortal>
{
    [Fact]
    public async Task MayorsOffice_ReadsTheDashboardOverDemoData_ChartsWithTheirTables_AndDownloadsATableForExcel()
    {
        // Demo applicants ask for no e-mail; a registration's confirmation e-mail gives the delivery table a row,
        // whichever test of this class runs first.
        using (var client = portal.Factory.CreateClient())
        {
            var registered = await client.PostAsJsonAsync("/api/auth/register", new { email = $"walikota-{Guid.NewGuid():N}@example.com", password = Accounts.Password });
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        await Eventually.TrueAsync(
            async () =>
            {
                await using var scope = portal.Factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                return !await db.OutboxMessages.AnyAsync(m => m.ProcessedAt == null && m.DeadLetteredAt == null);
            },
            "the confirmation e-mail is delivered");

        var page = await portal.NewPageAsync(phone: false);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await SignInAsync(page, Roles.Mayor);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Reports.Title"));
            Assert.NotEqual("0", (await page.Locator("#summary .govuk-heading-xl").First.InnerTextAsync()).Trim());
            // The tables a chart summarises are folded under a line that says how many rows they hold; the page lists
            // its reports at the top, each a link to its heading.
            foreach (var table in new[] { "throughput", "breakdown-kecamatan", "breakdown-sector", "breakdown-permitType" })
            {
                var fold = page.Locator($"details#{table}");
                await Assertions.Expect(page.Locator($"#{table} tbody tr").First).ToBeHiddenAsync();
                var rows = await page.Locator($"#{table} tbody tr").CountAsync();
                await Assertions.Expect(fold.Locator("summary")).ToContainTextAsync(Say.Id("Dashboard.ShowTable", rows));
                await fold.Locator("summary").ClickAsync();
                await Assertions.Expect(page.Locator($"#{table} tbody tr").First).ToBeVisibleAsync();
            }

            foreach (var table in new[] { "failing", "notifications" })
            {
                await Assertions.Expect(page.Locator($"#{table} tbody tr").First).ToBeVisibleAsync();
            }

            await Assertions.Expect(page.Locator("#contents a")).ToHaveCountAsync(9);
            foreach (var link in await page.Locator("#contents a").AllAsync())
            {
                await Assertions.Expect(page.Locator($"h2{await link.GetAttributeAsync("href")}")).ToHaveTextAsync((await link.InnerTextAsync()).Trim());
            }

            // In plain words: requirements by their titles (no rule ids), the decision time without percentiles, the
            // e-mail channel by name.
            foreach (var requirement in await page.Locator("#failing tbody th").AllInnerTextsAsync())
            {
                Assert.DoesNotMatch("^[A-Z0-9-]+$", requirement.Trim());
            }

            await Assertions.Expect(page.Locator("#summary")).Not.ToContainTextAsync("p50");
            await Assertions.Expect(page.Locator("#throughput tbody th").First).ToHaveTextAsync(new Regex(@"^\d{1,2} [A-Z][a-z]+ \d{4}$"));
            await Assertions.Expect(page.Locator("#breakdown-permitType tbody th").First).ToHaveTextAsync(new Regex($"^({Regex.Escape(Say.Id("PermitType.PB"))}|{Regex.Escape(Say.Id("PermitType.PB-UMKU"))})$"));
            await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync(Say.Id("Dashboard.DecisionTimeAll", Say.Id("Duration.UnderASecond")));
            await Assertions.Expect(page.Locator("#notifications tbody th").First).ToHaveTextAsync(Say.Id("Dashboard.Channel.email"));
            // Where applicants stop, each stage in words: begun first, objections last.
            await Assertions.Expect(page.Locator("#stops tbody th").First).ToHaveTextAsync(Say.Id("Dashboard.Stops.drafts-started"));
            await Assertions.Expect(page.Locator("#stops tbody th").Last).ToHaveTextAsync(Say.Id("Dashboard.Stops.objections-late"));

            // A phone's chart of the sectors lies its bars down, one line each: as tall as they need, and the page says so.
            var sectors = await page.Locator("#breakdown-sector tbody tr").CountAsync();
            Assert.True(sectors > 6, $"{sectors} sectors");
            var phoneChart = page.Locator("picture source").Nth(2);
            Assert.Equal(ReportCharts.NarrowHeightOf(sectors).ToString(System.Globalization.CultureInfo.InvariantCulture), await phoneChart.GetAttributeAsync("height"));
            var drawn = System.Xml.Linq.XDocument.Parse(await (await page.APIRequest.GetAsync((await phoneChart.GetAttributeAsync("srcset"))!)).TextAsync());
            Assert.Equal(ReportCharts.NarrowHeightOf(sectors).ToString(System.Globalization.CultureInfo.InvariantCulture), drawn.Root!.Attribute("height")?.Value);

            // Every chart is drawn, and its figures are in the table under it.
            var charts = page.Locator("img.kupang-chart");
            Assert.Equal(4, await charts.CountAsync());
            for (var i = 0; i < 4; i++)
            {
                await Assertions.Expect(charts.Nth(i)).ToHaveJSPropertyAsync("complete", true);
                Assert.True(await charts.Nth(i).EvaluateAsync<int>("img => img.naturalWidth") > 0);
                Assert.Contains(Say.Id("Dashboard.ChartAlt", string.Empty).Split(':')[0], await charts.Nth(i).GetAttributeAsync("alt") ?? string.Empty, StringComparison.Ordinal);
            }

            await AuditBothLanguagesAsync(page);
            await Screenshots.SaveAsync(page, "mayor-dashboard");
            // A table downloads as the Excel workbook of what the page shows: its headers, a row per period, figures as
            // numbers that add up to the page's own count of applications.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Dashboard.Excel") }).First.ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.StartsWith(Say.Id("Dashboard.Throughput"), download.SuggestedFilename, StringComparison.Ordinal);
            var sheet = Assert.Single(Workbooks.Read(await File.ReadAllBytesAsync((await download.PathAsync())!)));
            Assert.Equal(Say.Id("Dashboard.Throughput"), sheet.Name);
            Assert.Equal([Say.Id("Dashboard.Period"), Say.Id("Dashboard.Total"), Say.Id("Status.Approved"), Say.Id("Status.Rejected"), Say.Id("Dashboard.ApprovalRate")], sheet.Header);
            var periods = sheet.Rows.Skip(1).ToList();
            Assert.Equal(await page.Locator("#throughput tbody tr").CountAsync(), periods.Count);
            Assert.All(periods, r => Assert.Equal(r[1].Number, r[2].Number + r[3].Number));
            Assert.All(periods, r => Assert.Equal("0.0%", r[4].Format));
            var applications = long.Parse((await page.Locator("#summary .govuk-heading-xl").First.InnerTextAsync()).Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(applications, periods.Sum(r => (long)r[1].Number!));

            // A period the reports refuse, or a table the page does not have, is answered as such, never with an error page.
            Assert.Equal(400, (await page.Context.APIRequest.GetAsync("/walikota?handler=Excel&table=failing&from=2026-12-05&to=2026-01-01")).Status);
            Assert.Equal(400, (await page.Context.APIRequest.GetAsync("/walikota?handler=Excel&table=breakdown&by=kecamatan&from=2020-01-01&to=2026-01-01")).Status);
            Assert.Equal(404, (await page.Context.APIRequest.GetAsync("/walikota?handler=Excel&table=permohonan")).Status);
            Assert.Equal(404, (await page.Context.APIRequest.GetAsync("/walikota?handler=Excel&table=breakdown&by=kelurahan")).Status);
        });
    }

    [Fact]
    public async Task Citizens_ReadTheStatisticsAndTheTransparencyLog_WithoutSigningIn()
    {
        // The page opens on this month; the demo's year of applications may have none in its first days.
        using (var applicant = await Accounts.CreateAsync(portal.Factory, Roles.Applicant))
        {
            await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        }

        var page = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Footer.Statistics") }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Statistics.Title"));
            await Assertions.Expect(page.Locator("#statistics-kecamatan tbody tr").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#statistics-sector")).ToContainTextAsync(Say.Id("Sector.makanan-minuman"));
            // A rate over a handful of decisions is said as a count ("1 dari 2 disetujui"), a percentage only from ten on.
            foreach (var row in await page.Locator("#statistics-sector tbody tr").AllAsync())
            {
                // The figure after its column's name where the table reads row by row.
                var decided = long.Parse(Regex.Match((await row.Locator("td").First.InnerTextAsync()).Trim(), @"[\d.]+$").Value.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
                var rate = (await row.Locator("td.statistics-rate").InnerTextAsync()).Trim();
                if (decided < global::LicensingPortal.Api.Pages.Statistik.IndexModel.FewForARate)
                {
                    Assert.Matches($"\\d+ dari {decided} disetujui$", rate);
                }
                else
                {
                    Assert.EndsWith("%", rate, StringComparison.Ordinal);
                }
            }

            // Whether reports of a demand for money are answered, for anyone to see once the month is over (this one is
            // not), with the way to report one.
            await Assertions.Expect(page.Locator("#levy-later")).ToHaveTextAsync(Say.Id("Statistics.Levy.Later"));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Statistics.Levy.Report") })).ToHaveAttributeAsync("href", "/lapor");
            var thisMonthsPage = page.Url;
            // The month just over is one tap away, straight to its reports' figures.
            await page.Locator("#levy-last-month").ClickAsync();
            await Assertions.Expect(page.Locator("#statistics-levy")).ToContainTextAsync(Say.Id("Statistics.Levy.Answered"));
            await Assertions.Expect(page.Locator("#levy-last-month")).ToHaveCountAsync(0);
            await page.GotoAsync(thisMonthsPage);
            await page.Locator("#bulan").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Dashboard.Show"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#statistics-levy")).ToContainTextAsync(Say.Id("Statistics.Levy.Answered"));
            await page.GotoAsync(thisMonthsPage);
            // This month is not over, and the month list says so (in a hint: a month in the list is its name alone, to fit a phone).
            var thisMonth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
            await Assertions.Expect(page.Locator("#bulan option:checked")).ToHaveTextAsync(thisMonth);
            await Assertions.Expect(page.GetByLabel(Say.Id("Statistics.Month"))).ToHaveAccessibleDescriptionAsync(Say.Id("Statistics.MonthHint"));

            // On a 320-pixel phone a table reads row by row: the kecamatan as the row's name, then each figure after its
            // column's name, which screen readers do not hear twice (a cell's accessible name is its figure alone).
            await page.SetViewportSizeAsync(320, 800);
            var table = page.Locator("#statistics-kecamatan");
            await Assertions.Expect(table).ToHaveClassAsync(new Regex(@"\bkupang-stack--on\b"));
            var firstRow = table.Locator("tbody tr").First;
            await Assertions.Expect(firstRow.GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(1);
            var cell = firstRow.Locator("td").First;
            var label = cell.Locator(".kupang-stack__label");
            await Assertions.Expect(label).ToBeVisibleAsync();
            await Assertions.Expect(label).ToHaveTextAsync(Say.Id("Dashboard.Applications"));
            var figure = (await cell.InnerTextAsync()).Trim()[Say.Id("Dashboard.Applications").Length..].Trim();
            Assert.Matches(@"^\d+$", figure);
            await Assertions.Expect(firstRow.GetByRole(AriaRole.Cell).First).ToHaveAccessibleNameAsync(figure);
            var box = await firstRow.BoundingBoxAsync();
            Assert.True(box!.Width <= 320, $"a row {box.Width} px wide");
            await page.SetViewportSizeAsync(1024, 800);
            await Assertions.Expect(label).ToBeHiddenAsync();
            await page.SetViewportSizeAsync(390, 844);
            Assert.True(await page.Locator("img.kupang-chart").First.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))") > 0);
            await AuditBothLanguagesAsync(page);
            await Screenshots.SaveAsync(page, "public-statistics");

            await page.GotoAsync("/transparansi");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Transparency.Title"));
            // It says it shows no decisions one by one, and where the figures and a permit's check are.
            await Assertions.Expect(page.Locator("#transparency-elsewhere")).ToContainTextAsync(Say.Id("Transparency.Elsewhere"));
            await Assertions.Expect(page.Locator("#transparency-elsewhere").GetByRole(AriaRole.Link, new() { Name = Say.Id("Footer.Verify"), Exact = true })).ToHaveAttributeAsync("href", "/cek-izin");
            Assert.True(long.Parse(await page.Locator("#tree-size").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 150);
            await AuditBothLanguagesAsync(page);
            var key = await page.APIRequest.GetAsync("/api/transparency/public-key.pem");
            Assert.StartsWith("-----BEGIN PUBLIC KEY-----", await key.TextAsync(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("/petugas")]
    [InlineData("/inspektorat")]
    [InlineData("/petugas/what-if")]
    [InlineData("/petugas/notifikasi")]
    [InlineData("/petugas/keberatan")]
    [InlineData("/walikota")]
    [InlineData("/walikota/banding")]
    [InlineData("/admin")]
    [InlineData("/admin/staf")]
    public async Task AnApplicantSignedIn_CannotOpenStaffPages(string address)
    {
        var page = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await new Applicant(portal, page).SignInFreshAccountAsync();

            var response = await page.GotoAsync(address);

            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Error.Forbidden.Title"));
        });
    }

    [Fact]
    public async Task Officer_DeadLetteredNotificationsPage_IsAccessibleInBothLanguages()
    {
        var page = await portal.NewPageAsync(phone: false);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await SignInAsync(page, Roles.Officer);
            await page.GotoAsync("/petugas/notifikasi");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("DeadLetters.Title"));
            await AuditBothLanguagesAsync(page);
        });
    }

    [Fact]
    public async Task AnOfficer_CannotOpenTheStaffAccountPages()
    {
        using var other = await Accounts.CreateAsync(portal.Factory, Roles.Mayor);
        var page = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await SignInAsync(page, Roles.Officer);
            Assert.Equal(403, (await page.GotoAsync("/admin/staf"))!.Status);
            Assert.Equal(403, (await page.GotoAsync($"/admin/staf/{other.Id}"))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Error.Forbidden.Title"));
        });
    }

    private Task SignInAsync(IPage page, string role, string language = "id") => StaffSignIn.SignInAsync(portal, page, role, language);

    /// <summary>
    /// Axe on the page as it is (and its HTML as served, before any script adds to it, within the 60 KB every page keeps
    /// to), then in the other language, then back.
    /// </summary>
    internal static async Task AuditBothLanguagesAsync(IPage page)
    {
        var served = await page.Context.APIRequest.GetAsync(page.Url);
        Assert.Equal(200, served.Status);
        var html = (await served.BodyAsync()).Length;
        Assert.True(html <= 60 * 1024, $"{page.Url}: {html} bytes of HTML");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
