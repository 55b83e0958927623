using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// The applicant's web service in Chromium beyond the first approval: correcting a refused application, the
/// language switch with every journey page checked by axe in English, the journey by keyboard only, an expired
/// sign-in, bad input, and another applicant's records.
/// </summary>
public sealed class ApplicantWebTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    [Fact]
    public async Task RefusedApplication_CorrectedFromItsDecisionPage_IsApproved_AndTheChainIsShown()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await applicant.SignInFreshAccountAsync(prepared: true);
            await applicant.AnswerEverythingAsync(attachKtp: false, declareTruth: false);
            var expected = (await applicant.PrecheckFailuresAsync()).Count;

            // The page says plainly that sending now means a refusal, and sending is not its main action: fixing the
            // earliest step that fixes something is (here the missing KTP, on "Documents", before the declaration).
            await Assertions.Expect(page.Locator("#send-body")).ToHaveTextAsync(Say.Id("Journey.Check.SendBodyWillFail"));
            await Assertions.Expect(page.Locator("#send-anyway button")).ToHaveClassAsync(new Regex("govuk-button--secondary"));
            await Assertions.Expect(page.Locator("#send-anyway button")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Check.FixFirst"), Exact = true })).ToHaveAttributeAsync("href", new Regex("^/pemohon/draf/.+/dokumen\\?ubah=true$"));
            await applicant.SendAsync();

            // Refused: every failed requirement with what to do and its legal basis, as the pre-check said.
            await applicant.ExpectHeadingAsync(Say.Id("Decision.Rejected"));
            var failed = page.Locator(".kupang-result__item");
            await Assertions.Expect(failed).ToHaveCountAsync(expected);
            await Assertions.Expect(failed.Filter(new() { HasText = Say.Id("Decision.Remedy") })).ToHaveCountAsync(expected);
            // Each is named as a requirement ("Syarat: …"), not as a statement that reads as if it were met.
            await Assertions.Expect(failed.Locator("h2").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(Say.Id("Decision.RequirementLabel"))}: ") })).ToHaveCountAsync(expected);
            await Assertions.Expect(failed.Filter(new() { HasText = Say.Id("Decision.LegalBasis") })).ToHaveCountAsync(expected);
            // The citations' short words (UU, PP, Pasal, ayat) are explained under the list, folded until asked for.
            var terms = page.Locator("details").Filter(new() { HasText = Say.Id("Help.WhatDoesThisMean", Say.Id("Help.Term.DasarHukum")) });
            await terms.Locator("summary").ClickAsync();
            await Assertions.Expect(terms).ToContainTextAsync(Say.Id("Help.Define.DasarHukum"));
            var refusedAt = page.Url;
            await Screenshots.SaveAsync(page, "rejected");

            // Correct and resubmit: the journey reopens with every answer filled in.
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Decision.Correct") }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Check.Title"));
            await Assertions.Expect(page.GetByText(Say.Id("Journey.Correction")).First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("56101");
            await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Jl. Frans Seda No. 12");
            // Nothing is changed yet, and the page says so: sent as it is, the application meets the same requirements.
            await Assertions.Expect(page.Locator("#changed-intro")).ToHaveTextAsync($"{Say.Id("Journey.Check.NothingChanged")} {Say.Id("Journey.Check.NothingChanged.Fix")}");
            await Assertions.Expect(page.Locator(".kupang-changed")).ToHaveCountAsync(0);
            // Sure the refusal was wrong? Not a second, identical refusal: an objection to the first.
            await page.Locator("#send-anyway summary").ClickAsync();
            await Assertions.Expect(page.Locator("#disagree-object").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Uri(refusedAt).AbsolutePath + "/keberatan");

            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(Say.Id("Journey.Check.Change"))}\\s+{Regex.Escape(Say.Id("Journey.Documents.Title"))}$") }).ClickAsync();
            await applicant.AnswerDocumentsAsync(attachKtp: true);
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(Say.Id("Journey.Check.Change"))}\\s+{Regex.Escape(Say.Id("Journey.Declarations.Title"))}$") }).ClickAsync();
            await applicant.AnswerDeclarationsAsync(declareTruth: true);
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(Say.Id("Journey.Check.WouldApprove"));
            // The two answers changed are marked, and only those.
            await Assertions.Expect(page.Locator("#changed-intro")).ToHaveTextAsync(Say.Id("Journey.Check.ChangedIntro", Say.Id("Journey.Check.Changed")));
            var changed = page.Locator(".govuk-summary-list__row").Filter(new() { Has = page.Locator(".kupang-changed") }).Locator("dt");
            await Assertions.Expect(changed).ToHaveTextAsync([Say.Id("Journey.Documents.Title"), Say.Id("Journey.Declarations.Title")]);
            await applicant.SendAsync();
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("Decision.Approved"));

            // The chain: the refused one links to its correction, and the list says which is the correction.
            await page.GotoAsync(refusedAt);
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Decision.CorrectedAs") }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("Decision.Approved"));
            await page.GotoAsync("/pemohon/permohonan");
            await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync(Say.Id("Applications.Correction"));
        });
    }

    [Fact]
    public async Task LanguageSwitch_OnEveryPage_RemembersEnglish_AndTheWholeJourneyInEnglishHasNoSeriousAxeViolation()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page, "en") { Audit = true };
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await new Applicant(portal, page).SignInFreshAccountAsync(prepared: true);
            Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));

            // The switch keeps the reader on the same page, and is remembered from then on.
            await page.GotoAsync("/pemohon/usaha");
            await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            Assert.EndsWith("/pemohon/usaha", page.Url, StringComparison.Ordinal);
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            await applicant.ExpectHeadingAsync(Say.En("Businesses.Title"));
            var cookies = await page.Context.CookiesAsync();
            Assert.Contains(cookies, c => c.Name == ".LicensingPortal.Bahasa");

            await applicant.AnswerEverythingAsync();
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(Say.En("Journey.Check.WouldApprove"));
            // The risk level in words; the activity by its words first.
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(Say.En("Precheck.Risk", "low"));
            await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Restaurants (KBLI 56101)");

            // Money in English's format; dates in WITA.
            await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Rp120,000,000");
            await applicant.SendAsync();
            await applicant.ExpectHeadingAsync(Say.En("Decision.Approved"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("WITA");
            await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = Say.En("Decision.Risk") }).Locator("dd")).ToHaveTextAsync("Low");
            await Screenshots.SaveAsync(page, "approved-en");

            foreach (var address in new[] { "/pemohon", "/pemohon/permohonan", "/pemohon/izin", "/pemohon/kotak-masuk", "/pemohon/pengaturan", "/pemohon/dokumen", "/pemohon/usaha/baru" })
            {
                await page.GotoAsync(address);
                await Axe.AssertNoSeriousViolationsAsync(page);
            }

            // And back: the same page in Bahasa Indonesia, money in its format.
            await page.GotoAsync("/pemohon/permohonan");
            await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
            Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Applications.Title"));
        });
        Assert.True(applicant.Audited.Count >= 12, string.Join(", ", applicant.Audited));
    }

    [Fact]
    public async Task TheWholeJourney_ByKeyboardOnly_FromSigningInToApproval()
    {
        var page = await portal.NewPageAsync(phone: false);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
            await account.Client.PrepareRestaurantAsync();
            var keys = new KeyboardUser(page);

            await page.GotoAsync("/akun/masuk");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(Say.Id("Layout.SkipToContent"), await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.Email"), new() { Exact = true }), account.Email);
            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.Password"), new() { Exact = true }), Accounts.Password);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Dashboard.Title"));

            await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Applications.Start") }).First);
            await keys.ChooseAsync(page.GetByLabel("Warung Se'i Oma Maria"));
            await keys.ChooseAsync(page.GetByLabel(Say.Id("PermitType.PB"), new() { Exact = true }));
            await keys.PressAsync(Continue(page));

            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Journey.Activities.Search"), new() { Exact = true }), "restoran");
            await page.Keyboard.PressAsync("Enter");
            await keys.PressAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"{Regex.Escape(Say.Id("Journey.Activities.Choose"))}\\s+56101\\b") }));
            await Assertions.Expect(page.Locator("#Kbli")).ToContainTextAsync("56101");
            await keys.PressAsync(Continue(page));

            await keys.SelectAsync(page.GetByLabel(Say.Id("Field.Kelurahan"), new() { Exact = true }), "Fatululi");
            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.Address"), new() { Exact = true }), "Jl. Frans Seda No. 12");
            await keys.PressAsync(Continue(page));

            await keys.ChooseAsync(page.GetByLabel(Say.Id("Journey.Operation.New"), new() { Exact = true }));
            await keys.PressAsync(Continue(page));

            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.LandArea"), new() { Exact = true }), "150");
            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.BuildingArea"), new() { Exact = true }), "90");
            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.Employees"), new() { Exact = true }), "5");
            await keys.PressAsync(Continue(page));

            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.Machinery"), new() { Exact = true }), "120000000");
            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.WorkingCapital"), new() { Exact = true }), "60000000");
            await keys.PressAsync(Continue(page));

            await keys.ChooseAsync(page.GetByLabel(Say.Id("Environment.SPPL"), new() { Exact = true }));
            await keys.TypeIntoAsync(page.GetByLabel(Say.Id("Field.BuildingApprovalNumber"), new() { Exact = true }), "PBG-537104-2025-00187");
            await keys.PressAsync(Continue(page));

            await keys.ChooseAsync(page.GetByLabel(Say.Id("DocumentKind.ktp"), new() { Exact = true }));
            await keys.PressAsync(Continue(page));

            await keys.ChooseAsync(page.GetByLabel(Say.Id("Declaration.kebenaran-data"), new() { Exact = true }));
            await keys.PressAsync(Continue(page));

            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(Say.Id("Journey.Check.WouldApprove"));
            await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Check.Send") }));
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("Decision.Approved"));
            Assert.Equal(0, keys.MouseClicks);
        });
    }

    [Fact]
    public async Task ExpiredSignIn_WhileAnswering_ReturnsToThePage_AfterSigningIn_WithTheAnswersKept()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            var account = await applicant.SignInFreshAccountAsync(prepared: true);
            await applicant.StartApplicationAsync();
            await applicant.ChooseActivityAsync("restoran", "56101");
            var location = page.Url;
            await page.GetByLabel(Say.Id("Field.Kelurahan"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fatululi" });
            await page.GetByLabel(Say.Id("Field.Address"), new() { Exact = true }).FillAsync("Jl. Timor Raya No. 7");

            await page.Context.ClearCookiesAsync(new() { Name = ".LicensingPortal.Masuk" });
            await applicant.ContinueAsync();

            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(Say.Id("SignIn.Expired"));
            await applicant.SignInAsync(account.Email);
            await applicant.ExpectHeadingAsync(Say.Id("Continue.Title"));
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Continue.Button") }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Operation.Title"));

            await page.GotoAsync(location);
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Address"), new() { Exact = true })).ToHaveValueAsync("Jl. Timor Raya No. 7");
            account.Dispose();
        });
    }

    [Fact]
    public async Task BadInput_ReshowsTheForm_WithAnErrorSummaryLinkingEachField_AndTheAnswersKept_InTheReadersLanguage()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await applicant.SignInFreshAccountAsync();
            await page.GotoAsync("/pemohon/usaha/baru");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Continue") }).ClickAsync();
            await Assertions.Expect(page.Locator("#LegalForm-error")).ToContainTextAsync(Say.Id("Business.New.LegalFormRequired"));
            await page.GetByLabel(Say.Id("LegalForm.Perorangan"), new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Continue") }).ClickAsync();
            await page.GetByLabel(Say.Id("Field.OwnerName"), new() { Exact = true }).FillAsync("Maria Ndolu");
            await page.GetByLabel(Say.Id("Field.Nik"), new() { Exact = true }).FillAsync("1234");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Continue") }).ClickAsync();

            var summary = page.Locator(".govuk-error-summary");
            await Assertions.Expect(summary).ToBeFocusedAsync();
            await Assertions.Expect(summary).ToContainTextAsync(Say.Id("Validation.Business.NikFormat"));
            await Assertions.Expect(page.Locator("#Nik-error")).ToContainTextAsync(Say.Id("Validation.Business.NikFormat"));
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Nik"), new() { Exact = true })).ToHaveValueAsync("1234");
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.OwnerName"), new() { Exact = true })).ToHaveValueAsync("Maria Ndolu");
            Assert.StartsWith(Say.Id("Error.TitlePrefix"), await page.TitleAsync(), StringComparison.Ordinal);
            await Axe.AssertNoSeriousViolationsAsync(page);
            await Screenshots.SaveAsync(page, "error-summary");

            await summary.GetByRole(AriaRole.Link, new() { Name = Say.Id("Validation.Business.NikFormat") }).ClickAsync();
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Nik"), new() { Exact = true })).ToBeFocusedAsync();

            // The language switch keeps the answers already given: the legal form chosen, the question in English.
            await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.En("Business.New.OwnerTitle"));
            await page.GetByLabel(Say.En("Field.OwnerName"), new() { Exact = true }).FillAsync("Maria Ndolu");
            await page.GetByLabel(Say.En("Field.Nik"), new() { Exact = true }).FillAsync("12");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.En("Journey.Continue") }).ClickAsync();
            await Assertions.Expect(page.Locator("#Nik-error")).ToContainTextAsync(Say.En("Validation.Business.NikFormat"));
            await page.GetByLabel(Say.En("Field.Nik"), new() { Exact = true }).FillAsync("5371 0441 0785 0003");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.En("Journey.Continue") }).ClickAsync();
            await page.GetByLabel(Say.En("Field.BusinessName"), new() { Exact = true }).FillAsync("Kios Oebobo");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.En("Journey.Continue") }).ClickAsync();
            await page.GetByLabel(Say.En("Field.BusinessAddress"), new() { Exact = true }).FillAsync("Jl. Frans Seda No. 3, Oebobo");
            await page.GetByLabel(Say.En("Field.BusinessEmail"), new() { Exact = true }).FillAsync("bukan-email");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.En("Journey.Continue") }).ClickAsync();
            await Assertions.Expect(page.Locator("#Email-error")).ToContainTextAsync(Say.En("Validation.Email"));
            await Assertions.Expect(page.GetByLabel(Say.En("Field.BusinessAddress"), new() { Exact = true })).ToHaveValueAsync("Jl. Frans Seda No. 3, Oebobo");
        });
    }

    [Fact]
    public async Task RegisteringABusiness_ChangingTheLegalForm_FromTheCheckPage_AsksForWhatTheNewFormNeeds()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            using var account = await applicant.SignInFreshAccountAsync();
            await page.GotoAsync("/pemohon/usaha/baru/kontak");
            await applicant.ExpectHeadingAsync(Say.Id("Business.New.LegalFormTitle"));
            await page.GetByLabel(Say.Id("LegalForm.Perorangan"), new() { Exact = true }).CheckAsync();
            await applicant.ContinueAsync();
            await page.GetByLabel(Say.Id("Field.OwnerName"), new() { Exact = true }).FillAsync("Yakobus Lay");
            await page.GetByLabel(Say.Id("Field.Nik"), new() { Exact = true }).FillAsync("5371044107850003");
            await applicant.ContinueAsync();
            await page.GetByLabel(Say.Id("Field.BusinessName"), new() { Exact = true }).FillAsync("Toko Lay");
            await applicant.ContinueAsync();
            await page.GetByLabel(Say.Id("Field.BusinessAddress"), new() { Exact = true }).FillAsync("Jl. Siliwangi No. 8, Kota Kupang");
            // Notices go to the account's address unless changed: filled in.
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.BusinessEmail"), new() { Exact = true })).ToHaveValueAsync(account.Email);
            await page.GetByLabel(Say.Id("Field.BusinessEmail"), new() { Exact = true }).FillAsync("toko.lay@example.com");
            await applicant.ContinueAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Business.New.CheckTitle"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("5371044107850003");

            // A PT has no NIK and needs an NPWP: changing the form leads through the owner's page again.
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Journey.Check.Change") + " " + Say.Id("Field.LegalForm") }).ClickAsync();
            await page.GetByLabel(Say.Id("LegalForm.Pt"), new() { Exact = true }).CheckAsync();
            await applicant.ContinueAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Business.New.OwnerTitle"));
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Nik"), new() { Exact = true })).ToHaveCountAsync(0);
            await applicant.ContinueAsync();
            await Assertions.Expect(page.Locator("#Npwp-error")).ToContainTextAsync(Say.Id("Validation.Business.NpwpRequired"));
            await page.GetByLabel(Say.Id("Field.Npwp"), new() { Exact = true }).FillAsync("01.234.567.8-921.000");
            await applicant.ContinueAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Business.New.NameTitle"));
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.BusinessName"), new() { Exact = true })).ToHaveValueAsync("Toko Lay");
            await applicant.ContinueAsync();
            await Assertions.Expect(page.Locator("#InvestmentType-error")).ToContainTextAsync(Say.Id("Business.New.InvestmentTypeRequired"));
            await page.GetByLabel(Say.Id("InvestmentType.Pmdn"), new() { Exact = true }).CheckAsync();
            await applicant.ContinueAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Business.New.CheckTitle"));
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("5371044107850003");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("InvestmentType.Pmdn"));
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Business.New.Button") }).ClickAsync();
            await applicant.ExpectHeadingAsync("Toko Lay");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("LegalForm.Pt"));
            var business = new Uri(page.Url).GetLeftPart(UriPartial.Path);

            // From the list, applying is each business's way on; registering another is the lesser button.
            await page.GotoAsync("/pemohon/usaha");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Business.New.Another"), Exact = true })).ToHaveClassAsync(new Regex("govuk-button--secondary"));
            await page.GotoAsync(business);
            await page.Locator("#apply-for-business").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pemohon/draf/"));

            // Registered: the answers are gone, the next registration starts afresh.
            await page.GotoAsync("/pemohon/usaha/baru/periksa");
            await applicant.ExpectHeadingAsync(Say.Id("Business.New.LegalFormTitle"));
        });
    }

    [Fact]
    public async Task AnotherApplicantsApplicationDraftAndPermit_AreNotFoundPages()
    {
        using var other = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var theirs = await other.Client.SubmitAsync(await other.Client.RestaurantAsync());
        var draftResponse = await other.Client.PostAsJsonAsync("/api/applications/drafts", new { });
        Assert.Equal(HttpStatusCode.Created, draftResponse.StatusCode);
        var draftId = (await draftResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var permitNumber = theirs.Permits[0].Number;
        var theirDocument = await other.Client.UploadAsync();

        var page = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            var applicant = new Applicant(portal, page);
            await applicant.SignInFreshAccountAsync();

            // One's own document opens in the browser, as uploaded; another applicant's is not found.
            await applicant.UploadKtpAsync();
            var opened = await page.APIRequest.GetAsync((await page.Locator("main table a").First.GetAttributeAsync("href"))!);
            Assert.Equal(200, opened.Status);
            Assert.Equal("application/pdf", opened.Headers["content-type"]);
            Assert.StartsWith("inline", opened.Headers["content-disposition"], StringComparison.Ordinal);
            // The browser's PDF viewer may draw it (the pages' policy forbids embedded objects); nothing in it runs.
            Assert.Equal(Api.Infrastructure.Web.SecurityHeaders.FilePolicy, opened.Headers["content-security-policy"]);
            Assert.Equal("nosniff", opened.Headers["x-content-type-options"]);
            Assert.Equal("private, no-store", opened.Headers["cache-control"]);
            Assert.Equal(Builders.Pdf, await opened.BodyAsync());

            foreach (var address in new[] { $"/pemohon/permohonan/{theirs.Id}", $"/pemohon/draf/{draftId}/lokasi", $"/pemohon/draf/{draftId}/periksa", $"/pemohon/izin/{permitNumber}/pdf", $"/pemohon/permohonan/{theirs.Id}/bukti", $"/pemohon/dokumen?handler=File&id={theirDocument}" })
            {
                var response = await page.GotoAsync(address);
                Assert.Equal(404, response!.Status);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Error.NotFound.Title"));
                // The way back is to the owner's own home page.
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Error.BackToHome"), Exact = true })).ToHaveAttributeAsync("href", "/pemohon");
                await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Warung");
            }
        });
    }

    /// <summary>
    /// A document uploaded by mistake (someone else's KTP) is deleted from the documents page after a question; one a
    /// sent application names says it is kept, with no way to delete it.
    /// </summary>
    [Fact]
    public async Task AnOwner_DeletesADocumentUploadedByMistake_AfterConfirming_AndKeepsWhatASentApplicationNames()
    {
        var page = await portal.NewPageAsync();
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            var applicant = new Applicant(portal, page);
            var account = await applicant.SignInFreshAccountAsync(prepared: true);
            await account.Client.SubmitAsync(await account.Client.RestaurantAsync());
            await applicant.UploadKtpAsync("ktp-salah-unggah.pdf");
            var rows = page.Locator("main table tbody tr");
            var kept = rows.Filter(new() { HasText = Say.Id("Documents.Kept") });
            await Assertions.Expect(kept).ToHaveCountAsync(1);
            await Assertions.Expect(kept.GetByRole(AriaRole.Link, new() { Name = Say.Id("Documents.Delete") })).ToHaveCountAsync(0);
            // Asked for by its address, the kept one's question is not asked: back to the list, which says why.
            var keptId = (await kept.Locator("td a").First.GetAttributeAsync("href"))!.Split("id=")[1];
            await page.GotoAsync($"/pemohon/dokumen?handler=Confirm&id={keptId}");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pemohon/dokumen$"));
            var before = await rows.CountAsync();
            var mistaken = rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Documents.Delete") }) }).First;
            var fileName = (await mistaken.Locator("td a").First.InnerTextAsync()).Split(' ')[0].Trim();

            await mistaken.GetByRole(AriaRole.Link, new() { Name = Say.Id("Documents.Delete") }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Documents.Delete.Title"));
            await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync(fileName);
            await ReadablePagesTests.ReadHereAsync(page, "document-delete", "id-ID", problems);
            // Cancelling keeps it.
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Documents.Delete.No") }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(before);

            await mistaken.GetByRole(AriaRole.Link, new() { Name = Say.Id("Documents.Delete") }).ClickAsync();
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(Say.Id("Documents.Delete.Title"))));
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Documents.Delete.Yes") }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(Say.Id("Documents.Deleted"));
            await Assertions.Expect(rows).ToHaveCountAsync(before - 1);
            await Assertions.Expect(page.Locator("main table")).Not.ToContainTextAsync(fileName);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task MidJourney_ThePrecheckNamesTheQuestionsNotReachedYet_AsStillToAnswer_NotAsFailures()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await applicant.SignInFreshAccountAsync(prepared: true);
            await applicant.AnswerThroughInvestmentAsync();

            // On the environment page, documents and declarations are not answered yet: the rule set would refuse
            // their empty answers, but the panel names them as questions to come, with no "fix" button and no count.
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Environment.Title"));
            var panel = page.Locator("#precheck");
            var still = panel.Locator("#still-to-answer + ul li");
            await Assertions.Expect(still).ToHaveTextAsync([Say.Id("Journey.Step.dokumen"), Say.Id("Journey.Step.pernyataan")]);
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Precheck.StillToAnswer.Hint", Say.Id("Journey.Continue")));
            await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = Say.Id("Precheck.Elsewhere"), Exact = true })).ToHaveCountAsync(0);
            await Assertions.Expect(panel.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await Assertions.Expect(panel).Not.ToContainTextAsync(Say.Id("Journey.Step.pernyataan") + ":");
            // This page was never answered: what it needs is what it asks for, not a wrong answer of the applicant's.
            await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = Say.Id("Precheck.Here.New"), Exact = true })).ToBeVisibleAsync();
            // Nothing answered fails: no count of failures, "so far your answers meet the requirements".
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Precheck.SoFar"));
            // What to do, not what was found wrong nor the law it rests on, on a page not answered yet.
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Requirement.BANGUNAN-PBG.Fix").Split(", ", 2)[1]);
            await Assertions.Expect(panel).Not.ToContainTextAsync(Say.Id("Decision.LegalBasis"));
            await Assertions.Expect(panel).Not.ToContainTextAsync(new Regex(Regex.Escape(Say.Id("Precheck.Fails", "§")).Replace("§", "[0-9]+", StringComparison.Ordinal)));
            await Assertions.Expect(page.Locator("#precheck-note")).ToContainTextAsync(Say.Id("Precheck.Note.New"));
            await Assertions.Expect(page.Locator("#precheck-note")).Not.ToContainTextAsync(Say.Id("Precheck.Note"));
            await page.SetViewportSizeAsync(320, 800);
            await Screenshots.SaveAsync(page, "phone-step-lingkungan-new");

            // Opened from the list of drafts, "check your answers" says the same: nothing answered fails, three to answer.
            var environment = page.Url;
            await page.GotoAsync("/pemohon/permohonan");
            await page.Locator("main a[href$='/periksa']").First.ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Check.Title"));
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(Say.Id("Precheck.SoFar"));
            await Assertions.Expect(page.Locator("#precheck-result .kupang-failure-title")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#incomplete li")).ToHaveTextAsync([Say.Id("Journey.Step.lingkungan"), Say.Id("Journey.Step.dokumen"), Say.Id("Journey.Step.pernyataan")]);
            await Assertions.Expect(page.Locator("#check-ask a")).ToHaveAttributeAsync("href", new Regex("^/pemohon/tanya\\?tentang=permohonan&"));
            await page.GotoAsync(environment);

            // Once the documents are answered without the KTP, their failure is the applicant's, with the way back;
            // the declarations are still only to come.
            await applicant.AnswerEnvironmentAsync("Environment.SPPL");
            await applicant.AnswerDocumentsAsync(attachKtp: false);
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Declarations.Title"));
            await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = Say.Id("Precheck.Elsewhere"), Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Precheck.Fix"))) })).ToHaveCountAsync(1);
            await Assertions.Expect(panel.Locator("#still-to-answer")).ToHaveCountAsync(0);
        });
    }

    private static ILocator Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Continue"), Exact = true });
}
