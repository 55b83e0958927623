using System.Globalization;
using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Inspections;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// An inspector's visit in Chromium on a phone (ADR 0036): a licensing officer books it from the list of permits
/// waiting for one, the owner reads on the permits' page who comes from which office and when, the officer records
/// what the inspector found and the owner reads it there; once the business is closed, that the next visit is off, and
/// the officers, that its inspector's office is to be told, until one marks it told.
/// Both languages; every page read at 320 pixels.
/// </summary>
public sealed class InspectionWebTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    private static readonly string[] CateringDeclarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"];

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task AnOfficerBooksTheVisit_TheOwnerReadsWhoComes_ThenWhatWasFound(string language)
    {
        string S(string key, params object[] arguments) => Say.In(language, key, arguments);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "id-ID");
        var problems = new List<string>();
        using var owner = await Accounts.CreateAsync(portal.Factory, Roles.Applicant);
        var name = $"Katering {(language == "en" ? "Yohana" : "Mama Ros")} {Accounts.Unique()[..4]}";
        var business = await owner.Client.RegisterBusinessAsync(Builders.SoleProprietor(name));
        var approved = await owner.Client.SubmitAsync(Builders.Restaurant(business, await owner.Client.UploadAsync()) with { Kbli = ["56210"], Declarations = CateringDeclarations });
        var hygiene = approved.Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var from = Wita.DateOf(DateTimeOffset.UtcNow).AddDays(3);
        const string Findings = "Tempat sampah dapur belum bertutup. Ganti dengan tempat sampah yang bertutup.";

        var officer = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await StaffSignIn.SignInAsync(portal, officer, Roles.Officer, language);
            await officer.GotoAsync("/petugas");
            await Assertions.Expect(officer.Locator("nav a[href='/petugas/pemeriksaan']")).ToHaveCountAsync(1);
            await officer.Locator("#inspections-waiting").GetByRole(AriaRole.Link, new() { Name = S("Audit.InspectionsWaiting.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Inspections.Title"));
            await ReadablePagesTests.ReadHereAsync(officer, "officer-inspections", language, problems);
            await officer.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
            await Assertions.Expect(officer.Locator("#inspection-permit")).ToContainTextAsync(hygiene.Number);

            // Sent empty: every field said at once.
            var book = officer.GetByRole(AriaRole.Button, new() { Name = S("Inspections.Book.Button"), Exact = true });
            await book.ClickAsync();
            await Assertions.Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Inspection.Nip"));
            await Assertions.Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Inspection.From"));
            await officer.GetByLabel(S("Inspections.Book.Agency"), new() { Exact = true }).FillAsync("Dinas Kesehatan Kota Kupang");
            await officer.GetByLabel(S("Inspections.Book.Name"), new() { Exact = true }).FillAsync("Maria Ndolu");
            await officer.GetByLabel(S("Inspections.Book.Nip"), new() { Exact = true }).FillAsync("19850417 201001 2 003");
            await FillDateAsync(officer, "From", from);
            await FillDateAsync(officer, "To", from.AddDays(2));
            await book.ClickAsync();
            await Assertions.Expect(officer.Locator("#inspection-done")).ToContainTextAsync(S("Inspections.Booked.Done"));
            await Assertions.Expect(officer.Locator("#inspection-waiting")).ToContainTextAsync("Maria Ndolu, NIP 19850417 201001 2 003");
            await ReadablePagesTests.ReadHereAsync(officer, "officer-inspection", language, problems);
        });

        var page = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        var applicant = new Applicant(portal, page, language);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync("/akun/masuk");
            await applicant.SignInAsync(owner.Email);
            // The approval says at once that the business may run (a hygiene certificate's visit does not hold it back).
            await page.GotoAsync($"/pemohon/permohonan/{approved.Id}");
            await Assertions.Expect(page.Locator("#may-operate")).ToHaveTextAsync(S("Decision.MayOperate"));
            await page.GotoAsync("/pemohon/izin");
            var box = page.Locator(".kupang-inspection");
            await Assertions.Expect(box.Locator(".kupang-inspection-booked")).ToHaveTextAsync(S("Permits.Inspection.Booked", "Dinas Kesehatan Kota Kupang", Api.Shared.Notices.Days(culture, from, from.AddDays(2)), "Maria Ndolu", "19850417 201001 2 003"));
            await Assertions.Expect(box).ToContainTextAsync(S("Permits.Inspection.CheckPerson"));
            await ReadablePagesTests.ReadHereAsync(page, "permits-inspection-booked", language, problems);
        });

        // The result from the inspector's report: not met, with what to fix.
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await officer.GetByLabel(S("Inspections.Outcome.NotMet"), new() { Exact = true }).CheckAsync();
            await FillDateAsync(officer, "VisitedOn", Wita.DateOf(DateTimeOffset.UtcNow));
            await officer.GetByLabel(S("Inspections.Record.Findings"), new() { Exact = true }).FillAsync(Findings);
            await officer.GetByRole(AriaRole.Button, new() { Name = S("Inspections.Record.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator("#inspection-done")).ToContainTextAsync(S("Inspections.Recorded.Done"));
            await Assertions.Expect(officer.Locator("#inspection-history")).ToContainTextAsync(Findings);
        });

        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.ReloadAsync();
            var box = page.Locator(".kupang-inspection");
            await Assertions.Expect(box.Locator(".kupang-inspection-result")).ToContainTextAsync(S("Permits.Inspection.NotMet", Wita.DateOf(DateTimeOffset.UtcNow).ToString("d MMMM yyyy", culture), "Dinas Kesehatan Kota Kupang"));
            await Assertions.Expect(box).ToContainTextAsync(Findings);
            await Assertions.Expect(box).ToContainTextAsync(S("Permits.Inspection.NotMetNext"));
            await ReadablePagesTests.ReadHereAsync(page, "permits-inspection-result", language, problems);
        });

        // The next visit booked, then the business closed while the officer has its result's form open: the result is
        // refused in the officer's language (the visit was called off), and the permit that ended says nobody comes.
        Guid permitId;
        using (var staff = await Accounts.CreateAsync(portal.Factory, Roles.Officer))
        {
            permitId = (await staff.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!.ToBook.Single(p => p.PermitNumber == hygiene.Number).PermitId;
            var booked = await staff.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{permitId}", new BookInspection.Request("Dinas Kesehatan Kota Kupang", "Maria Ndolu", "198504172010012003", from.AddDays(7), from.AddDays(7)), TestJson.Options);
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
            await BrowserPortal.StepsAsync(officer, async () =>
            {
                await officer.GotoAsync($"/petugas/pemeriksaan/{permitId}");
                await officer.GetByLabel(S("Inspections.Outcome.Met"), new() { Exact = true }).CheckAsync();
                await FillDateAsync(officer, "VisitedOn", Wita.DateOf(DateTimeOffset.UtcNow));
            });
        }

        Assert.True((await owner.Client.PostAsJsonAsync($"/api/businesses/{business}/closure", new CloseBusiness.Request(true), TestJson.Options)).IsSuccessStatusCode);
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await officer.GetByRole(AriaRole.Button, new() { Name = S("Inspections.Record.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync(S("Inspection.Error.CalledOff"));
        });
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.ReloadAsync();
            var box = page.Locator(".kupang-inspection");
            await Assertions.Expect(box.Locator(".kupang-inspection-off")).ToHaveTextAsync(S("Permits.Inspection.CalledOff", "Dinas Kesehatan Kota Kupang", Api.Shared.Notices.Days(culture, from.AddDays(7), from.AddDays(7))));
            await Assertions.Expect(box).ToContainTextAsync(S("Permits.Inspection.CalledOffNext"));
            await ReadablePagesTests.ReadHereAsync(page, "permits-inspection-called-off", language, problems);
        });

        // The officers read it among the visits called off, to tell the inspector's office.
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await officer.GotoAsync("/petugas/pemeriksaan");
            var card = officer.Locator("#called-off ~ .govuk-summary-card").Filter(new() { HasText = name });
            await Assertions.Expect(card).ToContainTextAsync(Api.Shared.Notices.Days(culture, from.AddDays(7), from.AddDays(7)));
            await ReadablePagesTests.ReadHereAsync(officer, "officer-inspections-called-off", language, problems);

            // Once the office is told, an officer marks it, and the visit leaves the list for every officer.
            await card.GetByRole(AriaRole.Button, new() { Name = $"{S("Inspections.CalledOff.Told")} {S("Inspections.CalledOff.Told.For", name)}", Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator("#office-told")).ToContainTextAsync(S("Inspections.CalledOff.Told.Done", name));
            await Assertions.Expect(officer.Locator(".govuk-summary-card").Filter(new() { HasText = name })).ToHaveCountAsync(0);
            // Pressed by mistake: the mark is taken back from the banner, the visit is on the list again, and marked again.
            await officer.Locator("#office-told").GetByRole(AriaRole.Button, new() { Name = S("Inspections.CalledOff.Told.Undo"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator("#office-told-undone")).ToContainTextAsync(S("Inspections.CalledOff.Told.Undone", name));
            await ReadablePagesTests.ReadHereAsync(officer, "officer-inspections-mark-taken-back", language, problems);
            await card.GetByRole(AriaRole.Button, new() { Name = $"{S("Inspections.CalledOff.Told")} {S("Inspections.CalledOff.Told.For", name)}", Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator("#office-told")).ToContainTextAsync(S("Inspections.CalledOff.Told.Done", name));
            await Assertions.Expect(officer.Locator(".govuk-summary-card").Filter(new() { HasText = name })).ToHaveCountAsync(0);
            // The permit's visits say when the office was told.
            await officer.GotoAsync($"/petugas/pemeriksaan/{permitId}");
            await Assertions.Expect(officer.Locator("#inspection-history .kupang-office-told")).ToHaveTextAsync(S("Inspections.History.OfficeTold", Wita.DateOf(DateTimeOffset.UtcNow).ToString("d MMMM yyyy", culture)));
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static async Task FillDateAsync(IPage page, string field, DateOnly date)
    {
        await page.Locator($"#{field}-day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
