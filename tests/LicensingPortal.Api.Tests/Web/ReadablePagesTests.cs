using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Every page an applicant or a citizen reaches, read as a person reads it on the smallest phones (320 CSS pixels),
/// in both languages: nothing scrolls sideways, no internal code, id, hash, empty quote or unfilled
/// placeholder is in the visible text, the help link is there, and axe finds no serious or critical violation.
/// The Bahasa Indonesia pages at 320 pixels (and the key English ones) are kept in docs/screenshots/phone-*.png.
/// </summary>
public sealed partial class ReadablePagesTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    [Fact]
    public Task EveryApplicantAndCitizenPage_ReadsPlainly_OnTheSmallestPhones_InBahasaIndonesia() =>
        ReadEveryApplicantAndCitizenPageAsync(portal, "id");

    /// <summary>
    /// Every page an applicant or a citizen reaches, signed out then signed in, in one language; then what those pages
    /// must say (a draft named by its business, the permits in force first, an activity found by everyday words, a
    /// business registered one question at a time), each page read as <see cref="ReadHereAsync"/> reads it.
    /// </summary>
    internal static async Task ReadEveryApplicantAndCitizenPageAsync(BrowserPortal portal, string language)
    {
        using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var request = await account.Client.RestaurantAsync();
        var approved = await account.Client.SubmitAsync(request);
        var rejected = await account.Client.SubmitAsync(request with { Declarations = [], EnvironmentalDocument = null });
        var draftResponse = await account.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, rejected.Id), TestJson.Options);
        var draft = (await draftResponse.Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options))!;
        var permit = Assert.Single(approved.Permits);
        var verification = new Uri(permit.VerificationUrl);
        var code = System.Web.HttpUtility.ParseQueryString(verification.Query)["code"];
        // A report of a demand for money about the approved application, answered, so the reporter's list shows both.
        var levy = await account.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = "Orang yang mengaku calo meminta Rp300.000 untuk mempercepat izin.", amountAsked = 300_000, applicationId = approved.Id });
        var levyId = (string)(await levy.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!;
        using (var inspector = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Inspector))
        {
            var answer = await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{levyId}/answers", new { status = "inProgress", message = "Terima kasih. Kami sedang memeriksanya." });
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        }

        (string Name, string Path)[] signedOut =
        [
            ("sign-in", "/akun/masuk"),
            ("register", "/akun/daftar"),
            ("forgot-password", "/akun/lupa-sandi"),
            ("resend-confirmation", "/akun/kirim-ulang"),
            ("account-recovery", "/akun/pulihkan"),
            ("permit-check-form", "/cek-izin"),
            ("report-levy", "/lapor"),
            ("not-found", "/kesalahan/404"),
        ];
        (string Name, string Path)[] pages =
        [
            ("home", "/"),
            ("help", "/bantuan"),
            ("statistics", "/statistik"),
            ("transparency", "/transparansi"),
            ("permit-check", $"/cek-izin/{permit.Number}?kode={code}"),
            ("dashboard", "/pemohon"),
            ("applications", "/pemohon/permohonan"),
            ("approved", $"/pemohon/permohonan/{approved.Id}"),
            ("proof", $"/pemohon/permohonan/{approved.Id}/bukti"),
            ("rejected", $"/pemohon/permohonan/{rejected.Id}"),
            .. ApplicationSteps.All.Select(step => ($"step-{step}", Pages.Pemohon.Draf.Urls.Step(draft.Id, step))),
            ("check-answers", $"/pemohon/draf/{draft.Id}/periksa"),
            ("permits", "/pemohon/izin"),
            ("inbox", "/pemohon/kotak-masuk"),
            ("businesses", "/pemohon/usaha"),
            ("business", $"/pemohon/usaha/{request.BusinessId}"),
            ("business-change", $"/pemohon/usaha/{request.BusinessId}/ubah"),
            ("documents", "/pemohon/dokumen"),
            ("settings", "/pemohon/pengaturan"),
            ("account-security", "/akun/keamanan"),
            ("report-levy-mine", "/lapor"),
            ("report-levy-add", $"/lapor/tambah/{levyId}"),
            ("ask", "/pemohon/tanya?tentang=dokumen"),
        ];

        var page = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            foreach (var (name, path) in signedOut)
            {
                await page.GotoAsync(path);
                await ReadHereAsync(page, name, language, problems);
            }

            await page.GotoAsync("/akun/masuk");
            // A newcomer reads first that an account comes first; one who lost the e-mail, how to ask for it back (not a second account).
            await Assertions.Expect(page.Locator("#first-time").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/akun/daftar");
            Assert.True((await page.Locator("#first-time").BoundingBoxAsync())!.Y < (await page.Locator("main form").First.BoundingBoxAsync())!.Y, "The way to make an account is below the form.");
            await Assertions.Expect(page.Locator("#lost-email")).ToContainTextAsync(Say.In(language, "SignIn.LostEmail"));
            await Assertions.Expect(page.Locator("#lost-email").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/akun/pulihkan");
            var applicant = new Applicant(portal, page, language);
            await applicant.SignInAsync(account.Email);
            await applicant.ExpectHeadingAsync(language == "en" ? Say.En("Dashboard.Title") : Say.Id("Dashboard.Title"));
            foreach (var (name, path) in pages)
            {
                await page.GotoAsync(path);
                await ReadHereAsync(page, name, language, problems);
            }

            string S(string key, params object[] arguments) => Say.In(language, key, arguments);

            // The inbox reads in the language the service is read in now (the account was made in Bahasa Indonesia).
            await page.GotoAsync("/pemohon/kotak-masuk");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("Notice.LevyAnswered.InProgress.Title"));

            // The draft not sent yet is named by its business and kind, on both lists, and says what is left to do.
            foreach (var list in new[] { "/pemohon", "/pemohon/permohonan" })
            {
                await page.GotoAsync(list);
                var named = page.GetByRole(AriaRole.Link, new() { Name = S("Applications.DraftOf", Builders.SoleProprietor().Name, S("Journey.Correction")), Exact = true });
                await Assertions.Expect(named).ToHaveAttributeAsync("href", Pages.Pemohon.Draf.Urls.Check(draft.Id));
                await Assertions.Expect(page.Locator("main li").Filter(new() { Has = named })).ToContainTextAsync(S("Applications.DraftCorrect"));
                // The application begun comes first; starting afresh is the lesser, grey button under it.
                var start = page.GetByRole(AriaRole.Button, new() { Name = S("Applications.Start"), Exact = true });
                await Assertions.Expect(start).ToHaveClassAsync(new Regex("govuk-button--secondary"));
                Assert.True((await named.BoundingBoxAsync())!.Y < (await start.BoundingBoxAsync())!.Y, $"On {list} the draft is below the button to start afresh.");

                // A sent application opens from its business's name, which says (to a screen reader too) which one it is.
                var sent = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(Builders.SoleProprietor().Name)}\\s*: {Regex.Escape(S("Status.Approved"))}, ") });
                await Assertions.Expect(sent).ToHaveAttributeAsync("href", $"/pemohon/permohonan/{approved.Id}");
            }

            // "Am I licensed?" is answered on the home page before the applications, where a refusal and a later
            // approval of one business look alike: the business with its permits in force, and where to download them.
            await page.GotoAsync("/pemohon");
            var permitsInForce = approved.Permits.Count;
            await Assertions.Expect(page.Locator("#in-force li")).ToHaveTextAsync($"{Builders.SoleProprietor().Name}: {S(permitsInForce == 1 ? "Dashboard.InForce.One" : "Dashboard.InForce.Many", permitsInForce)}");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = S("Dashboard.InForce.Link"), Exact = true })).ToHaveAttributeAsync("href", "/pemohon/izin");
            Assert.True((await page.Locator("#in-force").BoundingBoxAsync())!.Y < (await page.GetByRole(AriaRole.Heading, new() { Name = S("Applications.Recent") }).BoundingBoxAsync())!.Y, "The permits in force are below the applications.");

            // A sole owner's investment page says nothing of foreign capital (PMDN/PMA): no rule of it applies to them.
            await page.GotoAsync(Pages.Pemohon.Draf.Urls.Step(draft.Id, ApplicationSteps.Investment));
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(S("Help.Term.PmdnPma"));

            // No environmental document chosen yet, where an SPPL is all it needs: the check page says to choose it, not
            // to fetch a UKL-UPL or AMDAL.
            await page.GotoAsync($"/pemohon/draf/{draft.Id}/periksa");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("Environment.None.Sppl"));
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(S("Environment.None"));

            // An activity found by the words people use, not only by its official title.
            var activities = Pages.Pemohon.Draf.Urls.Step(draft.Id, ApplicationSteps.Activities);
            await page.GotoAsync(activities + "?q=tukang+jahit");
            await Assertions.Expect(page.Locator(".govuk-summary-card")).ToContainTextAsync("14111");
            await Assertions.Expect(page.Locator("#partial-results, #no-results, #not-listed")).ToHaveCountAsync(0);
            // Each found says which of the reader's words it answers to, and its risk in one sentence; an Indonesian
            // page shows no English title (an English one shows the Indonesian title papers use).
            var tailoring = page.Locator(".govuk-summary-card").Filter(new() { HasText = "14111" });
            await Assertions.Expect(tailoring.Locator(".kupang-also-called")).ToHaveTextAsync(S("Journey.Activities.AlsoCalled", "\u201cjahit\u201d, \u201ctukang jahit\u201d"));
            await Assertions.Expect(tailoring.Locator(".kupang-risk")).ToHaveTextAsync(language == "en"
                ? "Micro and small businesses: low risk. Medium businesses: medium-low risk. Large businesses: medium-high risk."
                : "Usaha mikro dan kecil: risiko rendah. Usaha menengah: risiko menengah rendah. Usaha besar: risiko menengah tinggi.");
            await Assertions.Expect(tailoring.Locator(language == "en" ? "[lang=id]" : "[lang=en]")).ToHaveCountAsync(language == "en" ? 1 : 0);
            await ReadHereAsync(page, "step-kegiatan-found", language, problems);

            // Not every word found: the closest are said to be the closest, and help is a message away.
            await page.GotoAsync(activities + "?q=tenun+ikat+sutra");
            await Assertions.Expect(page.Locator("#partial-results")).ToHaveTextAsync(S("Journey.Activities.Partial"));
            await Assertions.Expect(page.Locator(".govuk-summary-card")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#not-listed")).ToContainTextAsync(S("Journey.Activities.NotListed"));

            // An activity not found after trying: it may not be listed yet, and help is a message away, not at the counter.
            await page.GotoAsync(activities + "?q=pijat+refleksi");
            await Assertions.Expect(page.Locator("#no-results")).ToHaveTextAsync(S("Journey.Activities.NoResults"));
            await Assertions.Expect(page.Locator("#not-listed")).ToContainTextAsync(S("Journey.Activities.NotListed"));
            // Two ways to help without the counter: a question in writing, the topic chosen, or the office's contacts.
            var ask = page.Locator("#not-listed").GetByRole(AriaRole.Link, new() { Name = S("Journey.Ask.Link"), Exact = true });
            await Assertions.Expect(ask).ToHaveAttributeAsync("href", "/pemohon/tanya?tentang=permohonan&kegiatan=pijat%20refleksi&kembali=" + Uri.EscapeDataString(activities));
            await Assertions.Expect(page.Locator("#not-listed").GetByRole(AriaRole.Link, new() { Name = S("Journey.Activities.NotListedLink"), Exact = true })).ToHaveAttributeAsync("href", "/bantuan#kontak");
            await ReadHereAsync(page, "step-kegiatan-none", language, problems);
            // The question begins with the words tried, for the person to finish.
            await ask.ClickAsync();
            await Assertions.Expect(page.Locator("#Text")).ToHaveValueAsync(S("Question.Prefill.Activity", "pijat refleksi"));

            // A signed-in reporter reads before the form, beside "you need not give your name", that the report is kept
            // with the account and how to report without it.
            await page.GotoAsync("/lapor");
            await Assertions.Expect(page.Locator("#disimpan-di-akun")).ToHaveTextAsync(S("Levy.Form.Kept"));
            Assert.True(await page.Locator("#disimpan-di-akun ~ form").CountAsync() > 0, "The account note comes before the form.");

            // The business's page says what an NIB is, and that a sole trader's empty NPWP is not something missing.
            await page.GotoAsync($"/pemohon/usaha/{request.BusinessId}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("Business.Nib.Hint"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("Business.Npwp.NotNeeded"));

            // Registering a business, one question at a time, each page read as it comes.
            Task ContinueAsync() => page.GetByRole(AriaRole.Button, new() { Name = S("Journey.Continue"), Exact = true }).ClickAsync();
            ILocator Field(string key) => page.GetByLabel(S(key), new() { Exact = true });
            await page.GotoAsync("/pemohon/usaha/baru");
            await ReadHereAsync(page, "business-new-legal-form", language, problems);
            await page.GetByLabel(S("LegalForm.Pt"), new() { Exact = true }).CheckAsync();
            await ContinueAsync();
            await applicant.ExpectHeadingAsync(S("Business.New.OwnerTitle"));
            await ReadHereAsync(page, "business-new-owner", language, problems);
            await Field("Field.OwnerName").FillAsync("Yohanes Benu");
            await Field("Field.Npwp").FillAsync("01.234.567.8-921.000");
            await ContinueAsync();
            await applicant.ExpectHeadingAsync(S("Business.New.NameTitle"));
            await ReadHereAsync(page, "business-new-name", language, problems);
            await Field("Field.BusinessName").FillAsync("PT Kupang Sejahtera Abadi Nusantara Timur");
            await page.GetByLabel(S("InvestmentType.Pmdn"), new() { Exact = true }).CheckAsync();
            await ContinueAsync();
            await applicant.ExpectHeadingAsync(S("Business.New.ContactTitle"));
            await ReadHereAsync(page, "business-new-contact", language, problems);
            await Field("Field.BusinessAddress").FillAsync("Jl. El Tari No. 5, Oebobo, Kota Kupang");
            await Field("Field.BusinessEmail").FillAsync("administrasi.perusahaan.kupang.sejahtera@example.com");
            await ContinueAsync();
            await applicant.ExpectHeadingAsync(S("Business.New.CheckTitle"));
            await ReadHereAsync(page, "business-new-check", language, problems);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// The page in the window, read at 320 pixels, the narrowest phone the pages are judged on: sideways scrolling, what
    /// a person would stumble on (a code, an id, a fingerprint, an empty quote, no link to help: staff pages as much as
    /// applicants', with technical details folded), and axe; the Bahasa Indonesia pages (and the key English ones) are
    /// kept as screenshots there. (Read at 390 pixels too until 2026-12-07: the layout has no step between 320 and 640,
    /// so what fits at 320 fits at 390, and the text is the same at both; the pages open at 390, a common phone.)
    /// </summary>
    internal static async Task ReadHereAsync(IPage page, string name, string language, List<string> problems)
    {
        var path = new Uri(page.Url).PathAndQuery;
        await page.SetViewportSizeAsync(320, 800);
        problems.AddRange((await OverflowAsync(page)).Concat(await UnreadableAsync(page)).Select(problem => $"{path} at 320 px ({language}): {problem}"));
        // Over a table wider than the phone, the line says to swipe sideways (not the table's name again).
        problems.AddRange((await page.Locator(".kupang-scroll-hint").AllTextContentsAsync())
            .Where(hint => hint != Say.In(language, "Layout.TableRegion"))
            .Select(hint => $"{path} ({language}): a scroll hint reads \"{hint}\""));
        await Axe.AssertNoSeriousViolationsAsync(page);
        var english = language.StartsWith("en", StringComparison.Ordinal);
        if (!english || name is "approved" or "rejected" or "check-answers" or "help" or "permits" or "business-new-check" or "report-levy")
        {
            await Screenshots.SaveAsync(page, $"phone-{name}{(english ? "-en" : string.Empty)}");
        }
    }

    [Fact]
    public async Task AnOwner_CorrectsTheBusinessName_ThroughThePages_ChecksTheChange_AndSeesItInTheHistory()
    {
        using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        await account.Client.PrepareRestaurantAsync();
        var page = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync("/akun/masuk");
            var applicant = new Applicant(portal, page);
            await applicant.SignInAsync(account.Email);
            await applicant.ExpectHeadingAsync(Say.Id("Dashboard.Title"));

            await page.GotoAsync("/pemohon/usaha");
            await page.GetByRole(AriaRole.Link, new() { Name = "Warung Se'i Oma Maria", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Journey.Check.Change") + " " + Say.Id("Field.BusinessName") }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Business.Edit.Title"));
            // What the page does not change is said before its fields (no NIB yet: the application decides it).
            await Assertions.Expect(page.Locator("#not-here")).ToHaveTextAsync(Say.Id("Business.Edit.RulesRead"));
            await page.GetByLabel(Say.Id("Field.BusinessName"), new() { Exact = true }).FillAsync("Warung Se'i Oma Maria Oebobo");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Business.Edit.Continue") }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Business.Edit.CheckTitle"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Warung Se'i Oma Maria Oebobo");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Business.Edit.Save") }).ClickAsync();

            await applicant.ExpectHeadingAsync("Warung Se'i Oma Maria Oebobo");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("Business.Edit.Saved"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("Business.Field.name"));
            // No NIB yet, no permit printed with the old name: nothing to print again.
            await Assertions.Expect(page.Locator("#reprint")).ToHaveCountAsync(0);
            // Read as every other page: at 320 pixels, axe, and its screenshot there.
            var problems = new List<string>();
            await ReadHereAsync(page, "business-changed", "id", problems);
            Assert.Empty(problems);
        });
    }

    /// <summary>
    /// A NIK mistyped at registration refuses the application; the decision says to change it on the business, where
    /// it is corrected (and checked) on a phone, not by registering the business again; the next application is
    /// decided on it, and after the NIB the owner's name and NIK are said to be fixed.
    /// </summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task AnOwner_CorrectsAMistypedNik_OnTheBusiness_BeforeTheNib(string language)
    {
        string S(string key, params object[] arguments) => Say.In(language, key, arguments);
        using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var businessId = await account.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Owner = new Api.Features.Businesses.RegisterBusiness.OwnerRequest("Maria Ndolu", "5471044107850003", null) });
        var ktp = await account.Client.UploadAsync();
        var refused = await account.Client.SubmitAsync(Builders.Restaurant(businessId, ktp));
        var page = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync("/akun/masuk");
            var applicant = new Applicant(portal, page, language);
            await applicant.SignInAsync(account.Email);
            await applicant.ExpectHeadingAsync(S("Dashboard.Title"));

            await page.GotoAsync($"/pemohon/permohonan/{refused.Id}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("Requirement.IDENTITAS-NIK-WILAYAH.Fix"));
            await page.GotoAsync($"/pemohon/usaha/{businessId}");
            await Assertions.Expect(page.Locator("#owner-nik")).ToContainTextAsync("5471********0003");
            await page.GetByRole(AriaRole.Link, new() { Name = S("Journey.Check.Change") + " " + S("Field.Nik"), Exact = true }).ClickAsync();
            await applicant.ExpectHeadingAsync(S("Business.Edit.Title"));
            await Assertions.Expect(page.GetByLabel(S("Field.OwnerName"), new() { Exact = true })).ToHaveValueAsync("Maria Ndolu");
            var nik = page.GetByLabel(S("Field.Nik"), new() { Exact = true });
            await Assertions.Expect(nik).ToHaveValueAsync(string.Empty);
            await nik.FillAsync("5371044107850003");
            await page.GetByRole(AriaRole.Button, new() { Name = S("Business.Edit.Continue"), Exact = true }).ClickAsync();
            await applicant.ExpectHeadingAsync(S("Business.Edit.CheckTitle"));
            // Shown in groups of four, to compare with the card.
            await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync("5371 0441 0785 0003");
            // A sole owner who never gave an NPWP is not told it is "unchanged", as if there were one.
            await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync(S("Business.Npwp.NotNeeded"));
            await Assertions.Expect(page.Locator("main dl")).Not.ToContainTextAsync(S("Business.Edit.NpwpKept"));
            await ReadHereAsync(page, "business-owner-check", language, problems);
            await page.GetByRole(AriaRole.Button, new() { Name = S("Business.Edit.Save"), Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("Business.Edit.Saved"));
            await Assertions.Expect(page.Locator("#owner-nik")).ToContainTextAsync("5371********0003");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("Business.Field.ownerNik"));
            Assert.DoesNotContain("5371044107850003", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        });

        var approved = await account.Client.SubmitAsync(Builders.Restaurant(businessId, ktp));
        Assert.Equal("approved", approved.Decision!.Outcome);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/pemohon/usaha/{businessId}");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = S("Journey.Check.Change") + " " + S("Field.Nik"), Exact = true })).ToHaveCountAsync(0);
            await page.GotoAsync($"/pemohon/usaha/{businessId}/ubah");
            await Assertions.Expect(page.Locator("#owner-fixed")).ToContainTextAsync(S("Business.Edit.OwnerFixed"));
            await Assertions.Expect(page.Locator("#owner-fixed").GetByRole(AriaRole.Link, new() { Name = S("Journey.Ask.Link"), Exact = true })).ToHaveAttributeAsync("href", new Regex("^/pemohon/tanya\\?tentang=usaha&"));
            await Assertions.Expect(page.GetByLabel(S("Field.Nik"), new() { Exact = true })).ToHaveCountAsync(0);

            // With the NIB, its permits print the business's name: a new one is to be printed again, and the page says so.
            await page.GetByLabel(S("Field.BusinessName"), new() { Exact = true }).FillAsync("Warung Se'i Oma Maria Oebobo");
            await page.GetByRole(AriaRole.Button, new() { Name = S("Business.Edit.Continue"), Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = S("Business.Edit.Save"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#reprint")).ToContainTextAsync(S("Business.Edit.Reprint"));
            await Assertions.Expect(page.Locator("#reprint").GetByRole(AriaRole.Link, new() { Name = S("Business.Edit.Reprint.Link"), Exact = true })).ToHaveAttributeAsync("href", "/pemohon/izin");
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task TheAccessibilityCheck_ItselfFails_OnAPageWithSeriousViolations()
    {
        var page = await portal.NewPageAsync();
        try
        {
            await page.SetContentAsync("<!doctype html><html lang=\"id\"><head><title>Uji</title></head><body><main><img src=\"/favicon.ico\"><button></button></main></body></html>");

            var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoSeriousViolationsAsync(page));

            Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
            Assert.Contains("button-name (critical)", failure.Message, StringComparison.Ordinal);

            // A page of the service (axe loaded as the page's own script there, not sent in), with the same two faults added.
            await page.GotoAsync("/bantuan");
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\"><button></button>')");
            failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoSeriousViolationsAsync(page));
            Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
            Assert.Contains("button-name (critical)", failure.Message, StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>($"() => !!document.querySelector('script[src=\"{Axe.ScriptPath}\"]')"), "axe was not loaded as the page's script");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Sideways scrolling: the page wider than the window, or a table wider than its region (tables of three columns
    /// or more read row by row on a phone, so none should scroll inside its region either); measured with every folded
    /// section open, then folded again.
    /// </summary>
    private static async Task<IReadOnlyList<string>> OverflowAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const folded = [...document.querySelectorAll('details:not([open])')]
              folded.forEach(d => { d.open = true })
              const root = document.documentElement
              const found = root.scrollWidth > root.clientWidth ? [`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`] : []
              for (const r of document.querySelectorAll('.kupang-table-scroll')) {
                if (r.scrollWidth > r.clientWidth + 1) found.push(`a table scrolls sideways (${r.getAttribute('aria-label')}: ${r.scrollWidth} px in ${r.clientWidth})`)
              }
              folded.forEach(d => { d.open = false })
              return found
            }
            """);
        return found;
    }

    /// <summary>What a person would stumble on in the text: codes and ids, empty quotes, placeholders, and no help link.</summary>
    private static async Task<IReadOnlyList<string>> UnreadableAsync(IPage page)
    {
        var problems = new List<string>();
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var (pattern, what) in Unreadable)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                problems.Add($"{what}: \"{match.Value}\"");
            }
        }

        problems.AddRange(await HelpLinkAsync(page));
        return problems;
    }

    private static async Task<IReadOnlyList<string>> HelpLinkAsync(IPage page) =>
        await page.Locator("a[href='/bantuan']").CountAsync() == 0 ? ["no link to the help page"] : [];

    private static readonly (Regex Pattern, string What)[] Unreadable =
    [
        (Guid(), "a GUID"),
        (LongHex(), "16 or more hex digits"),
        (EmptyQuotes(), "empty quotes or brackets"),
        (QuotedId(), "a quoted lower-case id"),
        (ScreamingCode(), "a code in capitals"),
        (Placeholder(), "an unfilled placeholder"),
        (RuleSetId(), "a rule set's id"),
    ];

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b[0-9a-fA-F]{16,}\b")]
    private static partial Regex LongHex();

    [GeneratedRegex("\"\"|\u201c\u201d|''|\\[\\]|\\(\\)")]
    private static partial Regex EmptyQuotes();

    [GeneratedRegex("[\"\u201c'][a-z0-9]+(?:-[a-z0-9]+)+[\"\u201d']")]
    private static partial Regex QuotedId();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b(?!LP-|PL-)[A-Z]{2,}(?:-[A-Z]{2,}){2,}\b(?!-\d)")]
    private static partial Regex ScreamingCode();

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9.]*\}")]
    private static partial Regex Placeholder();

    /// <summary>A rule set named by its id ("kupang-pb-2026") instead of its title.</summary>
    [GeneratedRegex(@"\b[a-z]+-[a-z]+-\d{4}\b")]
    private static partial Regex RuleSetId();
}
