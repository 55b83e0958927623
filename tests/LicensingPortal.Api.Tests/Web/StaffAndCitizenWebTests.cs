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
/// The other users in Chromium, over a month of demo applications: an officer audits, replays, notes and runs a
/// what-if; the mayor's office reads its dashboard and downloads a table for Excel; an administrator revokes a permit that a
/// citizen then checks by its QR address; anyone reads the statistics and the transparency log; an applicant cannot
/// open staff pages. Every page is checked with axe in both languages. (The owners' objections and questions and the
/// reports of demands for money are in <see cref="OwnersAndCitizensWebTests"/>: one class of this size would be the
/// run's tail.)
/// </summary>
public sealed class StaffAndCitizenWebTests(DemoBrowserPortal portal) : IClassFixture<DemoBrowserPortal>
{
    [Fact]
    public async Task Officer_FindsARefusedDecision_ReplaysIt_AndAddsANote()
    {
        var page = await portal.NewPageAsync(phone: false);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await SignInAsync(page, Roles.Officer);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Audit.Title"));

            // Stable paging over every decision: the second page holds other decisions, and the first page again the same ones.
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Audit.Search"), Exact = true }).ClickAsync();
            var first = await page.Locator("tbody tr th a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
            Assert.Equal(Pages.Petugas.IndexModel.PageSize, first.Length);
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Audit.Next") }).ClickAsync();
            var second = await page.Locator("tbody tr th a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
            Assert.Empty(first.Intersect(second));
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Audit.Previous") }).ClickAsync();
            Assert.Equal(first, await page.Locator("tbody tr th a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)"));

            await page.GetByLabel(Say.Id("Field.Outcome"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Say.Id("Status.Rejected") });
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Audit.Search"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#results")).ToContainTextAsync(new Regex(@"\d+$"));
            Assert.Contains("Outcome=rejected", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("tbody .govuk-tag--green")).ToHaveCountAsync(0);
            // A requirement is chosen by its title, not typed as a code.
            await page.GetByLabel(Say.Id("Field.FailedRequirement"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pemohon menyatakan data yang diisi benar" });
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Audit.Search"), Exact = true }).ClickAsync();
            Assert.Contains("FailedRequirement=PERNYATAAN-KEBENARAN-DATA", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Pemohon menyatakan data yang diisi benar");
            // Activities are named, their KBLI code after the name.
            await Assertions.Expect(page.Locator("tbody tr").First.Locator("td").Nth(1)).ToHaveAccessibleNameAsync(new Regex(@"^[A-Za-z].* \(\d{5}\)$"));
            await AuditBothLanguagesAsync(page);
            await Screenshots.SaveAsync(page, "officer-search");

            // Every match downloads as a workbook that reads as the page does: names and words, not codes.
            var found = int.Parse(Regex.Match(await page.Locator("#results").InnerTextAsync(), @"\d+$").Value, System.Globalization.CultureInfo.InvariantCulture);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Audit.Excel") }).ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var sheet = Assert.Single(Workbooks.Read(await File.ReadAllBytesAsync((await download.PathAsync())!)));
            Assert.Equal(
                [Say.Id("Audit.Sheet.Business"), Say.Id("Audit.Sheet.Reference"), Say.Id("Audit.Sheet.DecidedAt"), Say.Id("Field.Outcome"), Say.Id("Audit.Sheet.Kind"), Say.Id("Field.Kbli"), Say.Id("Field.Kecamatan"), Say.Id("Audit.Sheet.Permits"), Say.Id("Audit.Failed")],
                sheet.Header);
            var decisions = sheet.Rows.Skip(1).ToList();
            Assert.Equal(found, decisions.Count);
            Assert.All(decisions, r => Assert.Equal(Say.Id("Status.Rejected"), r[3].Text));
            Assert.All(decisions, r => Assert.Contains("Pemohon menyatakan data yang diisi benar", r[8].Text, StringComparison.Ordinal));
            Assert.All(decisions, r => Assert.Matches(@"^\p{L}.* \(\d{5}\)", r[5].Text));
            Assert.All(decisions, r => Assert.Equal("built-in 22", r[2].Format));
            // Decided within the demo data's month, read as a day and time of WITA.
            Assert.All(decisions, r => Assert.InRange(DateTime.FromOADate(r[2].Number!.Value), DateTime.UtcNow.AddDays(-60), DateTime.UtcNow.AddDays(1)));

            await page.Locator("tbody tr th a").First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Say.Id("Status.Rejected"));
            await Assertions.Expect(page.Locator(".govuk-summary-card").First).ToContainTextAsync(Say.Id("Requirement.Failed"));
            // In the applicant's words first, then the rule's workings.
            await Assertions.Expect(page.Locator(".govuk-summary-card").First).ToContainTextAsync(Say.Id("Audit.Told"));
            await Assertions.Expect(page.Locator(".govuk-summary-card").First).ToContainTextAsync(Say.Id("Decision.Remedy"));
            await Assertions.Expect(page.Locator("#case + dl")).ToContainTextAsync(Say.Id("Audit.Case.Account"));
            // The rules by their title and the day they came into force; their code and fingerprint folded for a technical check.
            var rules = page.Locator("dl").First.Locator(".govuk-summary-list__row").Filter(new() { HasText = Say.Id("Decision.RuleSet") }).Locator("dd");
            await Assertions.Expect(rules).ToContainTextAsync(new Regex(@"^Persyaratan Perizinan Berusaha Berbasis Risiko Kota Kupang \(PP 28/2025.*\)\s*berlaku sejak \d{1,2} \S+ \d{4}$"));
            var fingerprint = page.Locator("#rule-set-fingerprint");
            await Assertions.Expect(fingerprint.Locator(".govuk-details__text")).Not.ToBeVisibleAsync();
            await fingerprint.Locator("summary").ClickAsync();
            await Assertions.Expect(fingerprint).ToContainTextAsync(new Regex(@"SHA-256: [0-9a-f]{64}"));
            await Assertions.Expect(fingerprint).ToContainTextAsync(new Regex(Say.Id("Audit.RuleSet.Code") + @": kupang-pb-20\d\d"));
            // The log's entries by what they record and when, with their number in the public log; fingerprints folded.
            await Assertions.Expect(page.Locator("#log-entries li").Filter(new() { HasText = Say.Id("Audit.LogType.decision") }).First)
                .ToContainTextAsync(new Regex(@"\d{1,2} \S+ \d{4}, \d{2}\.\d{2} WITA · " + Regex.Escape(Say.Id("Audit.Log.Number", "{0}")).Replace(@"\{0}", @"\d+", StringComparison.Ordinal)));
            await Assertions.Expect(page.Locator("#log-fingerprints .govuk-details__text")).Not.ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Audit.Replay.Button") }).ClickAsync();
            await Assertions.Expect(page.Locator("#replay")).ToContainTextAsync(Say.Id("Audit.Replay.Reproduced"));
            // The replay names the rules it ran under by their title, as the page does.
            await Assertions.Expect(page.Locator("#replay")).ToContainTextAsync(new Regex(Regex.Escape(Say.Id("Audit.Replay.ReproducedBody", "{0}")).Replace(@"\{0}", @"Persyaratan Perizinan Berusaha Berbasis Risiko Kota Kupang \(PP 28/2025.*\)", StringComparison.Ordinal)));

            await page.GetByLabel(Say.Id("Audit.Note.Label"), new() { Exact = true }).FillAsync("Diperiksa: sesuai aturan.");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Audit.Note.Button") }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(Say.Id("Audit.Note.Added"));
            await Assertions.Expect(page.Locator("#notes ~ ul")).ToContainTextAsync("Diperiksa: sesuai aturan.");
            // Said with who wrote it: "<when>, ditulis oleh <e-mail>".
            await Assertions.Expect(page.Locator("#notes ~ ul")).ToContainTextAsync(new Regex(Regex.Escape(Say.Id("Audit.Note.By", "{0}", "{1}")).Replace(@"\{0}", ".+", StringComparison.Ordinal).Replace(@"\{1}", @"\S+@\S+", StringComparison.Ordinal)));
            await Assertions.Expect(page.Locator("#log-entries li strong").GetByText(Say.Id("Audit.LogType.note-added"), new() { Exact = true })).ToHaveCountAsync(1);
            await AuditBothLanguagesAsync(page);
            await Screenshots.SaveAsync(page, "officer-decision");

            // A filter that cannot be read is said at its field, in the reader's language, and nothing else breaks.
            await page.GotoAsync("/petugas?FromParts.Day=45&FromParts.Month=13&FromParts.Year=2026");
            // Today is the example: always a day that can be.
            var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("d M yyyy", System.Globalization.CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(Say.Id("Form.NotADate", today));
            await Assertions.Expect(page.Locator("#FromParts-error")).ToContainTextAsync(Say.Id("Form.NotADate", today));

            // A code the rule set in force does not have (an old bookmark) still shows as the filter applied.
            await page.GotoAsync("/petugas?PermitType=SLHS");
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.PermitCode"), new() { Exact = true })).ToHaveValueAsync("SLHS");

            // From a case, every decision for the same account, found by its e-mail.
            await page.GotoAsync("/petugas?Outcome=rejected");
            var caseLink = page.Locator("tbody tr th a").First;
            var business = (await caseLink.InnerTextAsync()).Trim();
            await caseLink.ClickAsync();
            var email = (await page.Locator("#case + dl .govuk-summary-list__row").Filter(new() { HasText = Say.Id("Audit.Case.Account") }).Locator("dd").InnerTextAsync()).Split('\n')[0].Trim();
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Audit.Case.AllOfAccount") }).ClickAsync();
            await Assertions.Expect(page.GetByLabel(Say.Id("Audit.Search.Text"), new() { Exact = true })).ToHaveValueAsync(email);
            await Assertions.Expect(page.Locator("tbody tr th a").Filter(new() { HasText = business }).First).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Officer_RunsAWhatIf_SeesItsProgress_ThenTheFlips_AndDownloadsThem()
    {
        var page = await portal.NewPageAsync(phone: false);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await SignInAsync(page, Roles.Officer);
            await page.GotoAsync("/petugas/what-if");
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.GetByLabel(Say.Id("WhatIf.RuleSet"), new() { Exact = true }).FillAsync(DraftRuleSets.Without("kupang-2025", "PERNYATAAN-KEBENARAN-DATA"));
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("WhatIf.Start") }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("WhatIf.Run.Title"));
            await Assertions.Expect(page.Locator("#whatif-bar")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#whatif-progress label")).ToContainTextAsync(new Regex(@"\d+"));
            await Assertions.Expect(page.Locator("#whatif-status")).ToHaveTextAsync(Say.Id("WhatIf.Status.Completed"), new() { Timeout = 60_000 });
            // The draft by the title its file gives it; its fingerprint folded for a technical check.
            await Assertions.Expect(page.Locator("#draft-title")).ToHaveTextAsync("Persyaratan Perizinan Berusaha Berbasis Risiko Kota Kupang (PP 28/2025)");
            Assert.DoesNotMatch(@"[0-9a-f]{16}", await page.Locator("main").InnerTextAsync());
            await Assertions.Expect(page.Locator("#whatif-bar")).ToHaveAttributeAsync("value", "100");
            Assert.True(int.Parse(await page.Locator("#would-be-approved").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            // The requirement by its title, the applications by their references: no codes or ids to read.
            await Assertions.Expect(page.Locator("main table").First.Locator("tbody th")).ToHaveTextAsync("Pemohon menyatakan data yang diisi benar");
            await Assertions.Expect(page.Locator("main table").Nth(1).Locator("tbody th a").First).ToHaveTextAsync(new Regex(@"^LP-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
            await AuditBothLanguagesAsync(page);
            await Screenshots.SaveAsync(page, "officer-what-if");

            // Every affected application as a workbook that reads as the sample does; the CSV, with ids and codes, for tools.
            var approvedNow = int.Parse(await page.Locator("#would-be-approved").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Say.Id("WhatIf.Excel") }).ClickAsync());
            var sheet = Assert.Single(Workbooks.Read(await File.ReadAllBytesAsync((await download.PathAsync())!)));
            Assert.Equal([Say.Id("WhatIf.Application"), Say.Id("WhatIf.Sheet.Before"), Say.Id("WhatIf.Sheet.After"), Say.Id("WhatIf.Sheet.NewlyFailed"), Say.Id("WhatIf.Sheet.NoLongerFailed")], sheet.Header);
            var flipped = sheet.Rows.Skip(1).Where(r => r[1].Text == Say.Id("Status.Rejected") && r[2].Text == Say.Id("Status.Approved")).ToList();
            Assert.Equal(approvedNow, flipped.Count);
            Assert.All(flipped, r => Assert.Matches(@"^LP-[0-9A-Z]{4}-[0-9A-Z]{4}$", r[0].Text));
            Assert.All(flipped, r => Assert.Equal("Pemohon menyatakan data yang diisi benar", r[4].Text));
            download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Say.Id("WhatIf.Csv") }).ClickAsync());
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.StartsWith("application_id,before,after,newly_failed,no_longer_failed\n", csv, StringComparison.Ordinal);
            Assert.Contains(",rejected,approved,", csv, StringComparison.Ordinal);
        });
    }

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
    public async Task AdministratorRevokesAPermit_AfterConfirming_AndTheCitizensQrCheckSaysRevoked()
    {
        using var applicant = await Accounts.CreateAsync(portal.Factory, Roles.Applicant);
        var approved = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        var permit = approved.Permits[0];

        var citizen = await portal.NewPageAsync();
        var admin = await portal.NewPageAsync(phone: false);
        await BrowserPortal.StepsAsync(admin, async () =>
        {
            await citizen.GotoAsync(permit.VerificationUrl);
            await Assertions.Expect(citizen.Locator("#verification-status")).ToHaveTextAsync(Say.Id("Verify.Status.valid"));
            // What to do when the paper in hand says otherwise: report it, from the help page.
            await Assertions.Expect(citizen.Locator("#compare")).ToContainTextAsync(Say.Id("Verify.Compare"));
            // The premises it was issued for, to compare with the place: a genuine code copied onto another shop is told by its address.
            await Assertions.Expect(citizen.Locator("#premises")).ToHaveTextAsync("Jl. Frans Seda No. 12, RT 005/RW 002, Kelurahan Fatululi");
            await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { Name = Say.Id("Verify.CompareReport") })).ToHaveAttributeAsync("href", "/bantuan#kontak");
            // A forged QR code opens a copy elsewhere: the page names the one address it has, and when it was checked
            // (an old screenshot shows an old time).
            await Assertions.Expect(citizen.Locator("#official-address")).ToHaveTextAsync(Say.Id("Verify.Official", new Uri(permit.VerificationUrl).Authority));
            await Assertions.Expect(citizen.Locator("#checked-at")).ToContainTextAsync(Say.Id("Verify.OwnPhone"));
            await Assertions.Expect(citizen.Locator("#checked-at")).ToContainTextAsync(new Regex(Regex.Escape(Say.Id("Verify.CheckedAt", "§")).Replace("§", @".+ WITA", StringComparison.Ordinal)));
            // An NIB alone is the business's number, not every permit it needs.
            await Assertions.Expect(citizen.Locator("#nib-only")).ToHaveCountAsync(permit.Type == "NIB" ? 1 : 0);
            // And an NIB's check answers whether the business is licensed: its other permits in force, or that it needs none.
            Assert.Equal(permit.Type == "NIB", await citizen.Locator("#nib-enough, #other-permits").CountAsync() > 0);
            await AuditBothLanguagesAsync(citizen);

            await SignInAsync(admin, Roles.Admin);
            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Admin.Title"));
            await AuditBothLanguagesAsync(admin);

            // Found by the business's NIB, not typed from memory: choosing it fills the number in.
            var nib = approved.Permits.Single(p => p.Type == "NIB").Number;
            await admin.GetByLabel(Say.Id("Admin.Find.Label"), new() { Exact = true }).FillAsync(nib);
            await admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Admin.Find.Button") }).ClickAsync();
            await Assertions.Expect(admin.Locator("#found-permits")).ToContainTextAsync(permit.Number);
            await admin.GetByRole(AriaRole.Link, new() { Name = $"{Say.Id("Admin.Find.Choose")} {permit.Number}" }).ClickAsync();
            await Assertions.Expect(admin.GetByLabel(Say.Id("Field.PermitNumber"), new() { Exact = true })).ToHaveValueAsync(permit.Number);
            await admin.GetByLabel(Say.Id("Admin.Revoke.Reason"), new() { Exact = true }).FillAsync("Usaha tidak lagi beroperasi di lokasi ini.");
            await admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Admin.Revoke.Continue") }).ClickAsync();

            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Admin.Revoke.Confirm"));
            await Assertions.Expect(admin.Locator(".govuk-summary-list")).ToContainTextAsync("Warung Se'i Oma Maria");
            // Known by more than a name before it is revoked: its NIB, its owner, and how it stands now.
            await Assertions.Expect(admin.Locator(".govuk-summary-list")).ToContainTextAsync(nib);
            await Assertions.Expect(admin.Locator(".govuk-summary-list")).ToContainTextAsync(Builders.SoleProprietor().Owner.Name);
            await Assertions.Expect(admin.Locator("#revoke-status")).ToContainTextAsync(Say.Id("PermitStatus.Active"));
            await Assertions.Expect(citizen.Locator("#verification-status")).ToHaveTextAsync(Say.Id("Verify.Status.valid"));
            await Axe.AssertNoSeriousViolationsAsync(admin);
            await admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Admin.Revoke.Yes") }).ClickAsync();
            await Assertions.Expect(admin.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("Admin.Revoke.Done"));

            // A code that matches no permit: maybe a forgery, and where to report it.
            await citizen.GotoAsync($"/cek-izin/{permit.Number}?kode=bukan-kodenya");
            await Assertions.Expect(citizen.Locator("#verification-status")).ToHaveTextAsync(Say.Id("Verify.Status.unknown"));
            await Assertions.Expect(citizen.Locator("#premises")).ToHaveCountAsync(0);
            await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { Name = Say.Id("Verify.UnknownReport") })).ToHaveAttributeAsync("href", "/bantuan#kontak");

            await citizen.GotoAsync(permit.VerificationUrl);
            await Assertions.Expect(citizen.Locator("#verification-status")).ToHaveTextAsync(Say.Id("Verify.Status.revoked"));
            // A revoked permit's end date is what is printed on it, not a validity it still has.
            await Assertions.Expect(citizen.GetByText(Say.Id("Permits.PrintedValidUntil"), new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(citizen.GetByText(Say.Id("Permits.ValidUntil"), new() { Exact = true })).ToHaveCountAsync(0);
            // When it was revoked, that the business may not run on it, and whom to tell when it does.
            await Assertions.Expect(citizen.Locator("#revoked-on")).ToContainTextAsync(new Regex(Regex.Escape(Say.Id("Verify.RevokedOn", "§")).Replace("§", @"\d{1,2} \w+ \d{4}", StringComparison.Ordinal)));
            await Assertions.Expect(citizen.Locator("#revoked-on").GetByRole(AriaRole.Link, new() { Name = Say.Id("Verify.RevokedReport") })).ToHaveAttributeAsync("href", "/bantuan#kontak");
            await Assertions.Expect(citizen.Locator("#nib-only")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(citizen, "permit-revoked");

            // The log still verifies, revocation included.
            await admin.GotoAsync("/admin");
            await admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Admin.Verify.Button") }).ClickAsync();
            await Assertions.Expect(admin.Locator("#verification")).ToContainTextAsync(new Regex(Regex.Escape(Say.Id("Admin.Verify.Valid", 0)).Replace("0", @"\d+", StringComparison.Ordinal)));
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

    /// <summary>
    /// Staff read on a phone too: every officer, mayor's-office and administrator page, in both languages, fits 320 and
    /// 390 pixels without sideways scrolling (tables of three columns or more read row by row), links to help and
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

    /// <summary>
    /// With dozens of staff, an administrator finds one account by part of its address, opens it, changes its roles,
    /// deactivates and reactivates it there, and reads its own history: the list stays a list of names.
    /// </summary>
    [Fact]
    public async Task Administrator_FindsAnAccount_ByPartOfItsAddress_AndChangesIt_OnItsOwnPage()
    {
        using var mayor = await Accounts.CreateAsync(portal.Factory, Roles.Mayor);
        var part = mayor.Email[..mayor.Email.IndexOf('@', StringComparison.Ordinal)];
        var page = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await SignInAsync(page, Roles.Admin);
            await page.GotoAsync("/admin/staf");
            await page.Locator("#Cari").FillAsync(part.ToUpperInvariant());
            await page.Locator("#Peran").SelectOptionAsync(Roles.Mayor);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Find.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#staff-count")).ToContainTextAsync(Say.Id("Staff.Find.Count", 1));
            await Assertions.Expect(page.Locator("#staff-list li")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#staff-list li")).ToContainTextAsync($"{Say.Id("Role.Mayor")} · {Say.Id("Staff.StatusShort.Active")}");

            // A status in another case is the same filter, and the form shows it applied.
            await page.GotoAsync($"/admin/staf?Cari={part}&Keadaan=ACTIVE");
            await Assertions.Expect(page.Locator("#Keadaan")).ToHaveValueAsync("active");
            await Assertions.Expect(page.Locator("#staff-list li")).ToHaveCountAsync(1);

            // Another state finds nothing, and says how to see every account again.
            await page.Locator("#Keadaan").SelectOptionAsync("deactivated");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Find.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("Staff.Find.None"));
            await page.Locator("#Keadaan").SelectOptionAsync(string.Empty);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Find.Button"), Exact = true }).ClickAsync();

            // A role the list does not know (an edited address) is said at its field, and every account is shown;
            // beside a search, the search still applies.
            await page.GotoAsync("/admin/staf?Peran=Applicant");
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(Say.Id("Validation.StaffRole"));
            await Assertions.Expect(page.Locator("#staff-count")).ToHaveCountAsync(0);
            Assert.True(await page.Locator("#staff-list li").CountAsync() > 1);
            await page.GotoAsync($"/admin/staf?Cari={part}&Peran=Applicant");
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(Say.Id("Validation.StaffRole"));
            await Assertions.Expect(page.Locator("#staff-count")).ToContainTextAsync(Say.Id("Staff.Find.Count", 1));
            await Assertions.Expect(page.Locator("#staff-list li")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#Cari")).ToHaveValueAsync(part);

            await page.GetByRole(AriaRole.Link, new() { Name = mayor.Email, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(mayor.Email);
            // No role at all is refused at the field, the boxes left as they were sent (none).
            await page.GetByLabel(Say.Id("Role.Mayor"), new() { Exact = true }).UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.SaveRoles"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-message")).ToContainTextAsync(Say.Id("Validation.StaffRoles"));
            await Assertions.Expect(page.Locator("input[name=Roles]:checked")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#staff-state")).ToHaveTextAsync(Say.Id("Staff.Status.Active"));

            await page.GetByLabel(Say.Id("Role.Mayor"), new() { Exact = true }).CheckAsync();
            await page.GetByLabel(Say.Id("Role.Officer"), new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.SaveRoles"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(Say.Id("Staff.RolesChanged", mayor.Email));
            var roles = $"{Say.Id("Role.Mayor")}, {Say.Id("Role.Officer")}";
            await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync(roles);

            // Deactivating asks first, naming the account and what happens; cancelling changes nothing.
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Deactivate"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Staff.Deactivate.Confirm"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(mayor.Email);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("Staff.Deactivate.Hint"));
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Staff.Confirm.No"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#staff-state")).ToHaveTextAsync(Say.Id("Staff.Status.Active"));
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Deactivate"), Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Deactivate.Yes"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#staff-state")).ToHaveTextAsync(Say.Id("Staff.Status.Deactivated"));
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Reactivate"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#staff-state")).ToHaveTextAsync(Say.Id("Staff.Status.Active"));
            // Its own history, newest first: reactivated, deactivated, roles changed.
            var history = await page.Locator("main ul.govuk-list").First.Locator("li").AllInnerTextsAsync();
            Assert.Equal(3, history.Count);
            string Said(string kind) => Say.Id($"Staff.Change.{kind}", mayor.Email, roles, "\u0000").Split('\u0000')[0];
            Assert.Contains(Said("reactivated"), history[0], StringComparison.Ordinal);
            Assert.Contains(Said("deactivated"), history[1], StringComparison.Ordinal);
            Assert.Contains(Said("roles-changed"), history[2], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Administrator_InvitesAnOfficer_WhoSetsAPassword_EnrolsASecondFactor_AndAuditsACaseWithItsDocument()
    {
        // A case with a document to audit, made through the API as an applicant would.
        using var applicant = await Accounts.CreateAsync(portal.Factory, Roles.Applicant);
        var name = $"Kios Audit {Guid.NewGuid():N}"[..20];
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name));
        var ktp = await applicant.Client.UploadAsync();
        var approved = await applicant.Client.SubmitAsync(Builders.Restaurant(business, ktp));

        var problems = new List<string>();
        Task ReadHereAsync(IPage page, string name) => ReadablePagesTests.ReadHereAsync(page, name, "id-ID", problems);
        var admin = await portal.NewPageAsync();
        // A name a person could have (a hex id in an address would read as a code on the page).
        var email = $"petugas.baru{Random.Shared.Next(1_000_000, 10_000_000)}@kupangkota.go.id";
        await BrowserPortal.StepsAsync(admin, async () =>
        {
            await SignInAsync(admin, Roles.Admin);
            await admin.GotoAsync("/admin/staf");
            await admin.GetByLabel(Say.Id("Field.Email"), new() { Exact = true }).FillAsync(email);
            await admin.Locator("input[name=InviteRoles][value=Officer]").CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.Invite.Button") }).ClickAsync();
            await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync(email);
            await ReadHereAsync(admin, "admin-staff");
        });

        var officer = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await officer.GotoAsync(await InvitationLinkAsync(email));
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Invitation.Title"));
            await officer.GetByLabel(Say.Id("Field.NewPassword"), new() { Exact = true }).FillAsync(Accounts.Password);
            await officer.GetByRole(AriaRole.Button, new() { Name = Say.Id("Invitation.Button") }).ClickAsync();

            // First stop: two-step sign-in, with the QR code and the key for typing.
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("TwoFactor.Title"));
            await Assertions.Expect(officer.Locator("img.kupang-qr")).ToBeVisibleAsync();
            await ReadHereAsync(officer, "staff-two-factor");
            var key = (await officer.Locator(".kupang-key code").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            // On the phone that holds the app, the QR code cannot be scanned: a button hands the same key to the app.
            var app = await officer.GetByRole(AriaRole.Button, new() { Name = Say.Id("TwoFactor.OpenApp") }).GetAttributeAsync("href");
            Assert.StartsWith("otpauth://totp/", app, StringComparison.Ordinal);
            Assert.Contains($"secret={key}", app, StringComparison.OrdinalIgnoreCase);
            await officer.GetByLabel(Say.Id("Field.TwoFactorCode"), new() { Exact = true }).FillAsync(Accounts.CodeFor(key));
            await officer.GetByRole(AriaRole.Button, new() { Name = Say.Id("TwoFactor.Enable") }).ClickAsync();
            await Assertions.Expect(officer.Locator(".kupang-codes li")).ToHaveCountAsync(10);
            await Screenshots.SaveAsync(officer, "staff-recovery-codes");
            await officer.GetByRole(AriaRole.Link, new() { Name = Say.Id("TwoFactor.Continue") }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Audit.Title"));

            // Signed out, the officer signs in again with the password and then a code from the app.
            // On a phone the menu folds once the page's script has run: wait for it, then open the menu if it is folded.
            var signOut = officer.GetByRole(AriaRole.Button, new() { Name = Say.Id("Nav.SignOut") });
            await officer.WaitForFunctionAsync("() => document.body.classList.contains('govuk-frontend-supported')");
            var toggle = officer.Locator(".govuk-service-navigation__toggle");
            if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") != "true")
            {
                await toggle.ClickAsync();
            }

            await signOut.ClickAsync();
            await officer.GotoAsync("/akun/masuk");
            await officer.GetByLabel(Say.Id("Field.Email"), new() { Exact = true }).FillAsync(email);
            await officer.GetByLabel(Say.Id("Field.Password"), new() { Exact = true }).FillAsync(Accounts.Password);
            await officer.GetByRole(AriaRole.Button, new() { Name = Say.Id("SignIn.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("SignInCode.Title"));
            await ReadHereAsync(officer, "staff-sign-in-code");
            await officer.GetByLabel(Say.Id("Field.TwoFactorCode"), new() { Exact = true }).FillAsync(Accounts.CodeFor(key));
            await officer.GetByRole(AriaRole.Button, new() { Name = Say.Id("SignIn.Button"), Exact = true }).ClickAsync();

            // The first staff page: the decision search; the case is found by its business's name.
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Audit.Title"));
            await officer.GetByLabel(Say.Id("Audit.Search.Text"), new() { Exact = true }).FillAsync(name);
            await officer.GetByRole(AriaRole.Button, new() { Name = Say.Id("Audit.Search"), Exact = true }).ClickAsync();
            // Each result says whose business it is: two of one name are told apart.
            await Assertions.Expect(officer.Locator("tbody tr").Filter(new() { HasText = name })).ToContainTextAsync(Say.Id("Audit.Search.Owner", Builders.SoleProprietor().Owner.Name));
            await officer.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
            await Assertions.Expect(officer.Locator(".govuk-caption-l")).ToContainTextAsync(new Regex("LP-[0-9A-Z]{4}-[0-9A-Z]{4}"));
            await Assertions.Expect(officer.Locator("#case + dl")).ToContainTextAsync(applicant.Email);
            Assert.DoesNotContain("5371044107850003", await officer.ContentAsync(), StringComparison.Ordinal);
            // What the approval issued, each permit by its title, number and how it stands today.
            var issued = officer.Locator("#issued-permits + ul > li");
            await Assertions.Expect(issued).ToHaveCountAsync(approved.Permits.Count);
            foreach (var permit in approved.Permits)
            {
                await Assertions.Expect(issued.Filter(new() { HasText = permit.Number })).ToContainTextAsync(new Regex($"^\\s*{Regex.Escape(permit.Title)}\\s+{Regex.Escape(Say.Id("PermitStatus.Active"))}"));
            }

            // The rule's workings are folded under each requirement, its title and status shown.
            await Assertions.Expect(officer.Locator(".govuk-summary-card details summary").First).ToHaveTextAsync(Say.Id("Audit.Workings"));
            await ReadHereAsync(officer, "officer-case");
            var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("ktp.pdf") }).ClickAsync());
            Assert.Equal(Builders.Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));

            // The opening is in the officer's own access history.
            await officer.GotoAsync("/petugas");
            await Assertions.Expect(officer.Locator("#access ~ ul")).ToContainTextAsync("ktp.pdf");
        });

        // The officer lost the phone and the recovery codes: the administrator resets two-step sign-in on the
        // account's page, which signs the officer out at once and is kept among the account's changes.
        await BrowserPortal.StepsAsync(admin, async () =>
        {
            await admin.GotoAsync("/admin/staf");
            await admin.GetByRole(AriaRole.Link, new() { Name = email, Exact = true }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.ResetTwoFactor.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Staff.ResetTwoFactor.Confirm"));
            await Axe.AssertNoSeriousViolationsAsync(admin);
            await admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.ResetTwoFactor.Yes"), Exact = true }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Staff.TwoFactorReset", email));
            await Assertions.Expect(admin.Locator("main")).ToContainTextAsync(Say.Id("Staff.TwoFactor.Off"));
            await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = Say.Id("Staff.ResetTwoFactor.Button"), Exact = true })).ToHaveCountAsync(0);
        });
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await officer.GotoAsync("/petugas");
            await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/akun/masuk"));
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The invitation link in the e-mail to the address, from the pickup folder.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        string? link = null;
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var file in Directory.Exists(portal.MailPickup) ? Directory.EnumerateFiles(portal.MailPickup, "*.eml") : [])
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email) && Regex.Match(message.TextBody ?? string.Empty, @"https?://\S+/akun/undangan\?kode=[A-Za-z0-9_-]+") is { Success: true } match)
                    {
                        link = match.Value;
                        return true;
                    }
                }

                return false;
            },
            "the invitation e-mail is in the pickup folder");
        return link!;
    }

    private Task SignInAsync(IPage page, string role, string language = "id") => StaffSignIn.SignInAsync(portal, page, role, language);

    /// <summary>
    /// Axe on the page as it is (and its HTML as served, before any script adds to it, within the 60 KB every page keeps
    /// to), then in the other language, then back.
    /// </summary>
    private static async Task AuditBothLanguagesAsync(IPage page)
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
