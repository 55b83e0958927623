using System.Text.RegularExpressions;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Staff at work in Chromium, over a month of demo applications: an officer finds a refused decision, replays it and adds
/// a note, and runs a what-if; an administrator revokes a permit that a citizen then checks by its QR address, finds an
/// account by part of its address, and invites an officer who sets a password and enrols a second factor. Every page is
/// checked with axe in both languages. (Apart from <see cref="StaffAndCitizenWebTests"/>, with its own app and browser,
/// so that neither class is the test run's tail.)
/// </summary>
public sealed class OfficerAndAdministratorWebTests(DemoBrowserPortal portal) : IClassFixture<DemoBrowserPortal>
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
            await StaffAndCitizenWebTests.AuditBothLanguagesAsync(page);
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
            await StaffAndCitizenWebTests.AuditBothLanguagesAsync(page);
            await Screenshots.SaveAsync(page, "officer-decision");

            // A filter that cannot be read is said at its field, in the reader's language, and nothing else breaks.
            await page.GotoAsync("/petugas?FromParts.Day=45&FromParts.Month=13&FromParts.Year=2026");
            // Today is the example: always a day that can be.
            var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("d M yyyy", System.Globalization.CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(Say.Id("Form.NotADate", today));
            await Assertions.Expect(page.Locator("#FromParts-error")).ToContainTextAsync(Say.Id("Form.NotADate", today));
            // An end before the start, and a year far off, are said in the reader's words too.
            await page.GotoAsync("/petugas?FromParts.Day=10&FromParts.Month=12&FromParts.Year=2026&ToParts.Day=1&ToParts.Month=12&ToParts.Year=2026");
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(Say.Id("Validation.ToAfterFrom"));
            await page.GotoAsync("/petugas?FromParts.Day=1&FromParts.Month=1&FromParts.Year=1999");
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(Say.Id("Validation.Search.DateRange", "1 Januari 2000", "31 Desember 2999"));

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
            await StaffAndCitizenWebTests.AuditBothLanguagesAsync(page);
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
            await StaffAndCitizenWebTests.AuditBothLanguagesAsync(citizen);

            await SignInAsync(admin, Roles.Admin);
            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Admin.Title"));
            await StaffAndCitizenWebTests.AuditBothLanguagesAsync(admin);

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
}
