using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// The applicant's web service in Chromium, its second part: the live precheck and fixing a question from it, the
/// journey without JavaScript, documents, the inbox, permits and settings after an approval, the account's security and
/// a forgotten password. (Apart from <see cref="ApplicantWebTests"/>, with its own app and browser, so that neither class
/// is the test run's tail.)
/// </summary>
public sealed class ApplicantAccountWebTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    [Fact]
    public async Task LivePrecheck_WithJavaScript_FollowsTheAnswersOnScreen_WithoutSavingThem()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await applicant.SignInFreshAccountAsync(prepared: true);
            await applicant.AnswerEverythingAsync();
            var check = page.Url;
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(Say.Id("Journey.Check.Change"))}\\s+{Regex.Escape(Say.Id("Journey.Declarations.Title"))}$") }).ClickAsync();
            var panel = page.Locator("#precheck");
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Precheck.Passes"));
            await Assertions.Expect(page.Locator("form[data-enhanced]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

            // Above the page's button (the panel is below it on a phone), a line says this page's answers are among
            // what is wrong, with the way to the explanation; it comes and goes with the answers.
            var note = page.Locator("#precheck-note");
            await Assertions.Expect(note).ToBeHiddenAsync();
            await page.GetByLabel(Say.Id("Declaration.kebenaran-data"), new() { Exact = true }).UncheckAsync();
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Precheck.Fails", 1));
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Decision.Remedy"));
            await Assertions.Expect(note).ToBeVisibleAsync();
            await Assertions.Expect(note).ToContainTextAsync(Say.Id("Precheck.Note"));
            await note.GetByRole(AriaRole.Link, new() { Name = Say.Id("Precheck.Note.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("#precheck$"));
            await page.GetByLabel(Say.Id("Declaration.kebenaran-data"), new() { Exact = true }).CheckAsync();
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Precheck.Passes"));
            await Assertions.Expect(note).ToBeHiddenAsync();

            // Nothing was saved by looking: the answers are as they were.
            await page.GetByLabel(Say.Id("Declaration.kebenaran-data"), new() { Exact = true }).UncheckAsync();
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Precheck.Fails", 1));
            await page.GotoAsync(check);
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(Say.Id("Journey.Check.WouldApprove"));
        });
    }

    [Fact]
    public async Task FixingAnotherQuestionFromThePrecheck_SavesWhatWasTypedOnThisPageFirst()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await applicant.SignInFreshAccountAsync(prepared: true);
            // Everything answered but a declaration: the application would fail on the declarations question.
            await applicant.AnswerEverythingAsync(declareTruth: false);
            var check = page.Url;
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(Say.Id("Journey.Check.Change"))}\\s+{Regex.Escape(Say.Id("Field.Address"))}$") }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Location.Title"));

            // At the premises, the phone fills in the coordinates with one press, once the browser may tell where it is;
            // refused, the line says how to allow it or what to copy instead.
            var coordinates = page.Locator("details:has(#here)");
            if (await coordinates.GetAttributeAsync("open") is null)
            {
                await coordinates.Locator("summary").ClickAsync();
            }

            var here = page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Location.Here"), Exact = true });
            await here.ClickAsync();
            await Assertions.Expect(page.Locator("#here [role=status]")).ToHaveTextAsync(Say.Id("Journey.Location.Here.Denied"));
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Latitude"), new() { Exact = true })).ToHaveValueAsync(string.Empty);
            await page.Context.GrantPermissionsAsync(["geolocation"]);
            // A position known only roughly (a guess from the network) is not written in.
            await page.Context.SetGeolocationAsync(new Geolocation { Latitude = -10.15f, Longitude = 123.6f, Accuracy = 2500 });
            await here.ClickAsync();
            await Assertions.Expect(page.Locator("#here [role=status]")).ToHaveTextAsync(Say.Id("Journey.Location.Here.Rough", 2500));
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Latitude"), new() { Exact = true })).ToHaveValueAsync(string.Empty);
            await page.Context.SetGeolocationAsync(new Geolocation { Latitude = -10.16123f, Longitude = 123.61871f, Accuracy = 12 });
            await here.ClickAsync();
            await Assertions.Expect(page.Locator("#here [role=status]")).ToHaveTextAsync(Say.Id("Journey.Location.Here.Found", 12));
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Latitude"), new() { Exact = true })).ToHaveValueAsync("-10.16123");
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.Longitude"), new() { Exact = true })).ToHaveValueAsync("123.61871");

            // A new address typed, then the pre-check's way to the declarations taken before "continue".
            const string moved = "Jl. Timor Raya No. 7, Oesapa";
            await page.GetByLabel(Say.Id("Field.Address"), new() { Exact = true }).FillAsync(moved);
            var panel = page.Locator("#precheck");
            await Assertions.Expect(panel).ToContainTextAsync(Say.Id("Precheck.SavedFirst"));
            await panel.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Precheck.Fix"))) }).First.ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Declarations.Title"));

            // The address typed on the way is kept, and the coordinates the phone gave.
            await page.GotoAsync(check);
            await Assertions.Expect(page.Locator("main .govuk-summary-list")).ToContainTextAsync(moved);
            await Assertions.Expect(page.Locator("main .govuk-summary-list")).ToContainTextAsync("-10.16123");
        });
    }

    [Fact]
    public async Task ForgottenPassword_TheEmailedLinkSetsANewOne_AndSigningInShowsTheWayToTheConfirmationAgain()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
            await page.GotoAsync("/akun/masuk");
            // Someone whose confirmation e-mail went missing finds the way to it from signing in.
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Resend.Title"), Exact = true })).ToHaveAttributeAsync("href", "/akun/kirim-ulang");

            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Forgot.Title"), Exact = true }).ClickAsync();
            await page.GetByLabel(Say.Id("Forgot.Title"), new() { Exact = true }).FillAsync(account.Email);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Forgot.Button"), Exact = true }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Reset.Title"));

            // Told to open the e-mail by its subject and tap its link; the long code waits, folded, for a link that will not open.
            await Assertions.Expect(page.Locator("#reset-sent")).ToHaveTextAsync(Say.Id("Reset.Intro", Say.Id("Email.Account.Reset.Subject"), Say.En("Email.Account.Reset.Subject"), account.Email));
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.ResetCode"), new() { Exact = true })).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Reset.SendAgain"), Exact = true })).ToHaveAttributeAsync("href", "/akun/lupa-sandi");
            var link = await Mailbox.LinkAsync(portal.DataDirectory, account.Email, "/akun/atur-sandi?");
            var message = (await Mailbox.MessagesToAsync(portal.DataDirectory, account.Email)).Single();
            Assert.Equal(Say.Id("Email.Account.Reset.Subject"), message.Subject);
            // The code, for a link that will not open, says which page it goes into.
            Assert.Contains(Say.Id("Email.Account.Reset.OrCode", new Uri(link).Query.Split("code=")[1]).ReplaceLineEndings("\n"), message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);

            // The link carries the code: the page asks only for the new password, and keeps so when one is refused.
            await page.GotoAsync(link);
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.ResetCode"), new() { Exact = true })).ToHaveCountAsync(0);
            await page.GetByLabel(Say.Id("Field.NewPassword"), new() { Exact = true }).FillAsync("pendek");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Reset.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.ResetCode"), new() { Exact = true })).ToHaveCountAsync(0);

            // A password typed once on a phone's keyboard can be read before it is sent.
            const string newPassword = "Kupang-Baru-2026";
            var field = page.GetByLabel(Say.Id("Field.NewPassword"), new() { Exact = true });
            await field.FillAsync(newPassword);
            await Assertions.Expect(field).ToHaveAttributeAsync("type", "password");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Password.ShowLabel"), Exact = true }).ClickAsync();
            await Assertions.Expect(field).ToHaveAttributeAsync("type", "text");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Password.HideLabel"), Exact = true })).ToHaveTextAsync(Say.Id("Password.Hide"));
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Reset.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync(Say.Id("Reset.Done"));
            await page.GetByLabel(Say.Id("Field.Email"), new() { Exact = true }).FillAsync(account.Email);
            await page.GetByLabel(Say.Id("Field.Password"), new() { Exact = true }).FillAsync(newPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("SignIn.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pemohon"));

            // The same link used again says it no longer works, and the way to a new one; it asks for nothing it cannot use.
            await page.GotoAsync(link);
            await page.GetByLabel(Say.Id("Field.NewPassword"), new() { Exact = true }).FillAsync("Kupang-Lagi-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Reset.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#link-refused")).ToHaveTextAsync(Say.Id("Reset.LinkRefused"));
            await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Reset.AskAgain"), Exact = true })).ToHaveAttributeAsync("href", "/akun/lupa-sandi");
        });
    }

    [Fact]
    public async Task WithoutJavaScript_EveryStepWorks_UploadFinderAndSending()
    {
        var page = await portal.NewPageAsync(javaScript: false);
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
            await account.Client.RegisterBusinessAsync();
            await page.GotoAsync("/akun/masuk");
            // The password's "show" button is the script's; without it none is drawn.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Password.ShowLabel"), Exact = true })).ToHaveCountAsync(0);
            await applicant.SignInAsync(account.Email);
            await applicant.UploadKtpAsync();
            await applicant.AnswerEverythingAsync();
            await applicant.SendAsync();
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("Decision.Approved"));
        });
    }

    [Fact]
    public async Task InboxPermitsAndSettings_AfterAnApproval()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page) { Audit = true };
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await applicant.SignInFreshAccountAsync(prepared: true);
            await applicant.AnswerEverythingAsync();
            await applicant.SendAsync();
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("Decision.Approved"));

            // The inbox: the decision notice, new until read.
            await page.GotoAsync("/pemohon/kotak-masuk");
            await applicant.ExpectHeadingAsync(Say.Id("Inbox.Title"));
            var card = page.Locator(".govuk-summary-card").Filter(new() { HasText = Say.Id("Inbox.New") }).First;
            await Eventually.TrueAsync(async () => { await page.ReloadAsync(); return await card.CountAsync() > 0; }, "the decision notice reaches the inbox");
            await Assertions.Expect(card).ToContainTextAsync(Say.Id("Inbox.OpenApplication"));
            var markRead = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Inbox.MarkRead"))) });
            for (var unread = await markRead.CountAsync(); unread > 0; unread--)
            {
                await markRead.First.ClickAsync();
                await Assertions.Expect(markRead).ToHaveCountAsync(unread - 1);
            }

            await page.GotoAsync("/pemohon/kotak-masuk?belumDibaca=true");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("Inbox.None"));

            // My permits: the NIB with its PDF.
            await page.GotoAsync("/pemohon/izin");
            await applicant.ExpectHeadingAsync(Say.Id("Permits.Title"));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Permits.Download"))) })).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(Builders.SoleProprietor().Name);

            // Settings: a private webhook address is refused at the field; a public one gets a secret, shown once.
            // The webhook is folded away for developers until it is set.
            await page.GotoAsync("/pemohon/pengaturan");
            var webhook = page.GetByLabel(Say.Id("Settings.Webhook"), new() { Exact = true });
            await Assertions.Expect(webhook).ToBeHiddenAsync();
            await page.GetByText(Say.Id("Settings.ForDevelopers")).ClickAsync();
            await webhook.FillAsync("https://127.0.0.1/kupang");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Settings.Save") }).ClickAsync();
            await Assertions.Expect(page.Locator("#WebhookUrl-error")).ToContainTextAsync(Say.Id("Validation.Webhook.Private"));
            await webhook.FillAsync("https://hooks.warung-oma-maria.example/izin");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Settings.Save") }).ClickAsync();
            await Assertions.Expect(page.Locator("#webhook-secret")).Not.ToBeEmptyAsync();
            await page.GotoAsync("/pemohon/pengaturan");
            await Assertions.Expect(page.Locator("#webhook-secret")).ToHaveCountAsync(0);
            await Assertions.Expect(webhook).ToHaveValueAsync("https://hooks.warung-oma-maria.example/izin");

            // A copy of everything the service holds about the applicant, a tab a part, in words (the NIK masked).
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Say.Id("MyData.Link") }).ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var sheets = Workbooks.Read(await File.ReadAllBytesAsync((await download.PathAsync())!)).ToDictionary(s => s.Name);
            Assert.Equal(
                new[] { "Account", "Businesses", "Applications", "Drafts", "Permits", "Documents", "Inbox", "SignIns", "LevyReports", "Objections", "Questions", "Inspections" }.Select(tab => Say.Id($"MyData.Sheet.{tab}")),
                sheets.Keys);
            Assert.Contains(sheets[Say.Id("MyData.Sheet.Account")].Rows, r => r[1].Text == "https://hooks.warung-oma-maria.example/izin");
            var business = Assert.Single(sheets[Say.Id("MyData.Sheet.Businesses")].Rows.Skip(1));
            Assert.Equal(Builders.SoleProprietor().Name, business[0].Text);
            Assert.Equal(Say.Id("LegalForm.Perorangan"), business[1].Text);
            Assert.Equal("5371********0003", business[4].Text);
            var application = Assert.Single(sheets[Say.Id("MyData.Sheet.Applications")].Rows.Skip(1));
            Assert.Equal(Say.Id("Status.Approved"), application[4].Text);
            Assert.NotNull(application[3].Number);
            Assert.Equal(5, application[9].Number);
            Assert.NotEmpty(sheets[Say.Id("MyData.Sheet.Permits")].Rows.Skip(1));
            Assert.NotEmpty(sheets[Say.Id("MyData.Sheet.Inbox")].Rows.Skip(1));
            Assert.NotEmpty(sheets[Say.Id("MyData.Sheet.SignIns")].Rows.Skip(1));
        });
    }

    /// <summary>
    /// An applicant who once signed in at an internet café signs that device out from the security page, then changes
    /// the password there: this device stays signed in each time, the other one lands on the sign-in page; then moves
    /// the account to their own e-mail address, by the link sent there.
    /// </summary>
    [Fact]
    public async Task AccountSecurity_SignsOtherDevicesOut_AndChangesThePassword_ThisDeviceStaysSignedIn()
    {
        var page = await portal.NewPageAsync();
        var cafe = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            var account = await applicant.SignInFreshAccountAsync();
            await cafe.GotoAsync("/akun/masuk");
            await new Applicant(portal, cafe).SignInAsync(account.Email);
            await Assertions.Expect(cafe.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Dashboard.Title"));

            // The settings lead to the security page, and so does the dashboard's list of shortcuts.
            await page.GotoAsync("/pemohon/pengaturan");
            await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Say.Id("Nav.Security"), Exact = true })).ToHaveAttributeAsync("href", "/akun/keamanan");
            await page.GotoAsync("/pemohon");
            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Say.Id("Nav.Security"), Exact = true }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Security.Title"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Say.Id("Security.NeverShare"));

            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Security.Others.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(Say.Id("Security.Others.Done"));
            // The list of sign-ins: this one, and the café's and the test's own API sign-in, ended.
            var signIns = page.GetByRole(AriaRole.Region, new() { Name = Say.Id("Security.SignIns.Title") });
            await Assertions.Expect(signIns.Locator("tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(signIns.Locator("tbody tr").Filter(new() { HasText = Say.Id("Security.SignIns.ThisDevice") })).ToHaveCountAsync(1);
            // This browser named by its kind (headless Chromium on Linux), under "this phone or computer".
            await Assertions.Expect(signIns.Locator("tbody tr").Filter(new() { HasText = Say.Id("Security.SignIns.ThisDevice") }).Locator(".kupang-device")).ToHaveTextAsync($"{Say.Id("Device.linux")}, {Say.Id("Device.chrome")}");
            await Assertions.Expect(signIns.Locator("tbody tr").Filter(new() { HasText = Say.Id("Security.SignIns.Ended") })).ToHaveCountAsync(2);
            await cafe.GotoAsync("/pemohon");
            await Assertions.Expect(cafe.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("SignIn.Title"));

            // The café signs in again (it knows the password); a wrong current password is refused at its field.
            await new Applicant(portal, cafe).SignInAsync(account.Email);
            await Assertions.Expect(cafe.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Dashboard.Title"));
            var current = page.GetByLabel(Say.Id("Field.CurrentPassword"), new() { Exact = true });
            var fresh = page.GetByLabel(Say.Id("Field.NewPassword"), new() { Exact = true });
            var change = page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Security.Password.Button"), Exact = true });
            await current.FillAsync("Bukan-Sandi-Saya-1");
            await fresh.FillAsync("Sandi-Baru-Kupang-2027");
            await change.ClickAsync();
            await Assertions.Expect(page.Locator("#CurrentPassword-error")).ToContainTextAsync(Say.Id("Validation.CurrentPasswordWrong"));
            await Assertions.Expect(current).ToHaveValueAsync(string.Empty);

            await current.FillAsync(Accounts.Password);
            await fresh.FillAsync("Sandi-Baru-Kupang-2027");
            await change.ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(Say.Id("Security.Password.Done"));
            await Screenshots.SaveAsync(page, "account-security-changed");
            await page.GotoAsync("/pemohon");
            await applicant.ExpectHeadingAsync(Say.Id("Dashboard.Title"));
            await cafe.GotoAsync("/pemohon");
            await Assertions.Expect(cafe.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("SignIn.Title"));

            // The account was opened with the helper's address: the owner moves it to their own. A link goes there;
            // opened, it shows the address and asks; once pressed, the account signs in with the new address.
            var own = $"pemilik-{Guid.NewGuid():N}@example.com";
            await page.GotoAsync("/akun/keamanan");
            await page.GetByLabel(Say.Id("ChangeEmail.NewEmail"), new() { Exact = true }).FillAsync(own);
            await page.GetByLabel(Say.Id("ChangeEmail.Password"), new() { Exact = true }).FillAsync("Sandi-Baru-Kupang-2027");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("ChangeEmail.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(Say.Id("ChangeEmail.Sent", own));
            var link = await Mailbox.LinkAsync(portal.DataDirectory, own, "/akun/ganti-email");
            await page.GotoAsync(new Uri(link).PathAndQuery);
            await Assertions.Expect(page.Locator("#new-email")).ToHaveTextAsync(own);
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("ChangeEmail.Confirm.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("ChangeEmail.Done"));
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("SignIn.Title"), Exact = true }).ClickAsync();
            await page.GetByLabel(Say.Id("Field.Email"), new() { Exact = true }).FillAsync(own);
            await page.GetByLabel(Say.Id("Field.Password"), new() { Exact = true }).FillAsync("Sandi-Baru-Kupang-2027");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("SignIn.Button"), Exact = true }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Dashboard.Title"));
        });
    }

    [Fact]
    public async Task Documents_AFileSentWithoutItsKind_StaysChosenWithJavaScript_AndIsAskedForAgainWithout()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            var account = await applicant.SignInFreshAccountAsync();
            var file = Path.Combine(Directory.CreateDirectory(Path.Combine(portal.DataDirectory, "uploads", Guid.NewGuid().ToString("N"))).FullName, "ktp-maria.pdf");
            await File.WriteAllBytesAsync(file, Builders.Pdf);
            await page.GotoAsync("/pemohon/dokumen");
            await Assertions.Expect(page.Locator("form[data-enhanced]")).ToHaveCountAsync(1);
            await page.GetByLabel(Say.Id("Field.File"), new() { Exact = true }).ChooseFilesAsync(file);
            // A mark on this page's window: gone if the browser loaded a page, kept if the upload's script answered.
            await page.EvaluateAsync("() => { window.kupangKept = true }");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Documents.Upload.Button"), Exact = true }).ClickAsync();

            // Sent with its progress shown, answered with the form again: the kind is asked for, the file stays chosen,
            // at a field drawn as on a page opened afresh (GOV.UK's button, in Indonesian, naming the file).
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary li")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(Say.Id("Documents.Upload.Again", "ktp-maria.pdf"));
            await Assertions.Expect(page.Locator(".govuk-file-upload-button")).ToContainTextAsync(Say.Id("File.Choose"));
            await Assertions.Expect(page.Locator(".govuk-file-upload-button")).ToContainTextAsync("ktp-maria.pdf");
            Assert.True(await page.EvaluateAsync<bool>("() => window.kupangKept === true"), "The form was shown again by the upload's script, not by a page load.");

            // The kind chosen, the file kept goes: the page after the upload is drawn in place, its table read row by row.
            await page.GetByLabel(Say.Id("Field.DocumentKind"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Say.Id("DocumentKind.ktp") });
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Documents.Upload.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape("ktp-maria.pdf")) })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("table.kupang-stack--on")).ToHaveCountAsync(1);
            Assert.True(await page.EvaluateAsync<bool>("() => window.kupangKept === true"), "The page after the upload was drawn by the upload's script.");

            // Going back shows the form as it was left (its error, the kind chosen), not loaded again; forward, the list.
            await page.GoBackAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel(Say.Id("Field.DocumentKind"), new() { Exact = true })).ToHaveValueAsync("ktp");
            await page.GoForwardAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape("ktp-maria.pdf")) })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.kupangKept === true"), "Going back and forward drew the pages kept, with no page load.");

            // A file over the limit is refused at its field before anything is sent (minutes on a slow network).
            var huge = Path.Combine(Path.GetDirectoryName(file)!, "scan-besar.pdf");
            await File.WriteAllBytesAsync(huge, [.. Builders.Pdf, .. new byte[11 * 1024 * 1024]]);
            await page.GetByLabel(Say.Id("Field.DocumentKind"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Say.Id("DocumentKind.ktp") });
            await page.GetByLabel(Say.Id("Field.File"), new() { Exact = true }).ChooseFilesAsync(huge);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Documents.Upload.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#Upload-error")).ToContainTextAsync(Say.Id("Documents.Upload.TooLarge", "scan-besar.pdf"));
            await Assertions.Expect(page.Locator("main table")).Not.ToContainTextAsync("scan-besar.pdf");

            // Without JavaScript the browser cannot keep it: the owner is asked, at the field, to choose it again.
            var plain = await portal.NewPageAsync(javaScript: false);
            await plain.GotoAsync("/akun/masuk");
            await new Applicant(portal, plain).SignInAsync(account.Email);
            await plain.GotoAsync("/pemohon/dokumen");
            await plain.GetByLabel(Say.Id("Field.File"), new() { Exact = true }).ChooseFilesAsync(file);
            await plain.GetByRole(AriaRole.Button, new() { Name = Say.Id("Documents.Upload.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(plain.Locator("main")).ToContainTextAsync(Say.Id("Documents.Upload.Again", "ktp-maria.pdf"));
        });
    }

    /// <summary>
    /// A document uploaded from the application's documents page comes back attached (ticked, said in a banner, and
    /// kept: the check counts it); a draft begun but not wanted is deleted from "check your answers", after asking,
    /// and is gone from the list.
    /// </summary>
    [Fact]
    public async Task ADocumentUploadedFromTheApplication_IsAttached_AndADraftNotWanted_IsDeleted()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            var account = await applicant.SignInFreshAccountAsync();
            await applicant.RegisterSoleProprietorAsync();
            await applicant.StartApplicationAsync();
            var draftId = Regex.Match(page.Url, "/pemohon/draf/([0-9a-f-]{36})/").Groups[1].Value;
            await page.GotoAsync($"/pemohon/draf/{draftId}/dokumen");
            await Assertions.Expect(page.Locator("#DocumentIds")).ToHaveTextAsync(Say.Id("Journey.Documents.None"));

            var file = Path.Combine(Directory.CreateDirectory(Path.Combine(portal.DataDirectory, "uploads", Guid.NewGuid().ToString("N"))).FullName, "ktp-maria.pdf");
            await File.WriteAllBytesAsync(file, Builders.Pdf);
            await page.GetByRole(AriaRole.Link, new() { Name = Say.Id("Documents.Upload.Title"), Exact = true }).ClickAsync();
            await page.GetByLabel(Say.Id("Field.DocumentKind"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Say.Id("DocumentKind.ktp") });
            await page.GetByLabel(Say.Id("Field.File"), new() { Exact = true }).ChooseFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Documents.Upload.Button"), Exact = true }).ClickAsync();

            // Back on the application's page with the KTP ticked and said so; kept with the draft, not only ticked.
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Documents.Title"));
            await Assertions.Expect(page.Locator("#attached")).ToHaveTextAsync(Say.Id("Journey.Documents.Attached", Say.Id("DocumentKind.ktp")));
            await Assertions.Expect(page.GetByLabel(Say.Id("DocumentKind.ktp"), new() { Exact = true })).ToBeCheckedAsync();
            await ReadablePagesTests.ReadHereAsync(page, "step-dokumen-attached", "id-ID", problems);
            var draft = (await account.Client.GetFromJsonAsync<Api.Features.Applications.ApplicationDraftView>($"/api/applications/drafts/{draftId}", TestJson.Options))!;
            var document = Assert.Single(draft.Answers.DocumentIds!);
            Assert.Equal("ktp", (await account.Client.GetFromJsonAsync<Api.Features.Documents.DocumentResponse>($"/api/documents/{document}", TestJson.Options))!.Kind);

            // Not wanted after all: deleted from "check your answers", after a page that asks and says what stays.
            await page.GotoAsync($"/pemohon/draf/{draftId}/periksa");
            await page.Locator("#check-delete").GetByRole(AriaRole.Link).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Draft.Delete.Title"));
            await Assertions.Expect(page.Locator("#draft-name")).ToContainTextAsync("Warung Se'i Oma Maria");
            await ReadablePagesTests.ReadHereAsync(page, "draft-delete", "id-ID", problems);
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Draft.Delete.Yes"), Exact = true }).ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Applications.Title"));
            await Assertions.Expect(page.Locator("#draft-deleted")).ToHaveTextAsync(Say.Id("Draft.Deleted"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Say.Id("Applications.Drafts"), Exact = true })).ToHaveCountAsync(0);
            Assert.Equal(HttpStatusCode.NotFound, (await account.Client.GetAsync($"/api/applications/drafts/{draftId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync($"/api/documents/{document}")).StatusCode);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// A shop already running is told its investment page is not needed; the declarations its business does not call
    /// for are folded away (not ticked "to be safe"); and sending what the check says will be refused is folded under
    /// "I am sure this check is wrong", the fix being the page's main button.
    /// </summary>
    [Fact]
    public async Task ARunningShop_SkipsTheInvestment_SeesOnlyTheStatementsItNeeds_AndSendingARefusalIsFolded()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page);
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            var account = await applicant.SignInFreshAccountAsync();
            var request = (await account.Client.RestaurantAsync()) with { ExistingBusiness = true, AnnualSales = 90_000_000, Investment = new(0, 0, 0, 0), DocumentIds = [] };
            var started = await account.Client.PostAsJsonAsync("/api/applications/drafts", new Api.Features.Applications.StartApplicationDraft.Request(request.BusinessId, null), TestJson.Options);
            var draft = (await started.Content.ReadFromJsonAsync<Api.Features.Applications.ApplicationDraftView>(TestJson.Options))!;
            foreach (var step in Api.Features.Applications.ApplicationSteps.All)
            {
                Assert.Equal(HttpStatusCode.OK, (await account.Client.PutAsJsonAsync($"/api/applications/drafts/{draft.Id}/answers/{step}", request, TestJson.Options)).StatusCode);
            }

            await page.GotoAsync($"/pemohon/draf/{draft.Id}/investasi");
            await Assertions.Expect(page.Locator("#investment-running")).ToHaveTextAsync(Say.Id("Journey.Investment.Running"));
            await Assertions.Expect(page.GetByText(Say.Id("Journey.Investment.Scale"))).ToHaveCountAsync(0);
            await ReadablePagesTests.ReadHereAsync(page, "step-investasi-running", "id-ID", problems);

            // Only the statement this restaurant needs is in view; the others are folded, closed while none is ticked.
            await page.GotoAsync($"/pemohon/draf/{draft.Id}/pernyataan");
            await Assertions.Expect(page.GetByLabel(Say.Id("Declaration.kebenaran-data"), new() { Exact = true })).ToBeVisibleAsync();
            var others = page.Locator("details").Filter(new() { HasText = Say.Id("Journey.Declarations.Others") });
            await Assertions.Expect(others).Not.ToHaveAttributeAsync("open", "");
            await Assertions.Expect(page.GetByLabel(Say.Id("Declaration.komitmen-izin"), new() { Exact = true })).ToBeHiddenAsync();
            await ReadablePagesTests.ReadHereAsync(page, "step-pernyataan-folded", "id-ID", problems);
            // Opened, one can still be ticked; kept, the page comes back with it open.
            await others.Locator("summary").ClickAsync();
            await page.GetByLabel(Say.Id("Declaration.pemenuhan-standar"), new() { Exact = true }).CheckAsync();
            await applicant.ContinueAsync();
            await page.GotoAsync($"/pemohon/draf/{draft.Id}/pernyataan");
            await Assertions.Expect(others).ToHaveAttributeAsync("open", "");

            // No KTP attached: the check says it would be refused; fixing is the button, sending anyway is folded.
            await page.GotoAsync($"/pemohon/draf/{draft.Id}/periksa");
            await Assertions.Expect(page.Locator("#fix-first")).ToBeVisibleAsync();
            var sendAnyway = page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Journey.Check.SendAnyway"), Exact = true });
            await Assertions.Expect(sendAnyway).ToBeHiddenAsync();
            await page.Locator("#send-anyway summary").ClickAsync();
            await Assertions.Expect(page.Locator("#send-anyway")).ToContainTextAsync(Say.Id("Journey.Check.DisagreeBody"));
            await Assertions.Expect(sendAnyway).ToBeVisibleAsync();
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
