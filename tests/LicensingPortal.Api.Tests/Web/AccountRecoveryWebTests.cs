using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// An owner who lost the account's e-mail asks for the account back in Chromium on a phone, in both languages, and an
/// administrator grants it (ADR 0035); every page read as <see cref="ReadablePagesTests"/> reads them. (Apart from it,
/// with its own app and browser, so that neither class is the test run's tail.)
/// </summary>
public sealed class AccountRecoveryWebTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    /// <summary>
    /// An owner who can no longer open the account's e-mail asks for the account back on a phone, without signing in
    /// and without going to the office; an administrator reads the request beside the account it names and grants it
    /// (ADR 0035). Every page read at 320 pixels, in both languages.
    /// </summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task AnOwnerWhoLostTheEmail_AsksForTheAccountBackOnAPhone_AndAnAdministratorGrantsIt(string language)
    {
        string S(string key, params object[] arguments) => Say.In(language, key, arguments);
        var problems = new List<string>();
        using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var ownerName = language == "en" ? "Yohana Benu" : "Yohanes Tefa";
        var nik = $"53710415{Random.Shared.Next(1, 12):00}{Random.Shared.Next(60, 99):00}{Random.Shared.Next(1, 9999):0000}";
        await account.Client.RegisterBusinessAsync(Builders.SoleProprietor("Kios Pulsa " + ownerName) with { Owner = new(ownerName, nik, null) });
        var newEmail = $"pulih.{language}.{Random.Shared.Next(10_000, 99_999)}@example.com";
        var photo = Path.Combine(Directory.CreateDirectory(Path.Combine(portal.DataDirectory, "uploads", System.Guid.NewGuid().ToString("N"))).FullName, "foto-ktp.jpg");
        await File.WriteAllBytesAsync(photo, Photos.JpegFromAPhone());

        var owner = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        await BrowserPortal.StepsAsync(owner, async () =>
        {
            // From the sign-in page, where one who cannot get in looks.
            await owner.GotoAsync("/akun/masuk");
            await owner.Locator("#lost-email").GetByRole(AriaRole.Link, new() { Name = S("Recovery.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Recovery.Title"));
            await ReadablePagesTests.ReadHereAsync(owner, "account-recovery-form", language, problems);
            ILocator Field(string key) => owner.GetByLabel(S(key), new() { Exact = true });

            // Sent half-filled: every missing answer said at its field at once, what was typed still there.
            await Field("Field.Recovery.AccountEmail").FillAsync(account.Email);
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Recovery.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Recovery.Lost"));
            await Assertions.Expect(owner.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Recovery.Photo"));
            await Assertions.Expect(owner.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Recovery.Nik"));
            await Assertions.Expect(Field("Field.Recovery.AccountEmail")).ToHaveValueAsync(account.Email);

            await owner.GetByLabel(S("Recovery.Lost.email"), new() { Exact = true }).CheckAsync();
            await Field("Field.Recovery.NewEmail").FillAsync(newEmail);
            await Field("Field.Recovery.OwnerName").FillAsync(ownerName);
            await Field("Field.Recovery.Nik").FillAsync(nik);
            await Field("Field.Recovery.Photo").ChooseFilesAsync(photo);
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Recovery.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Recovery.Sent.Title"));
            await Assertions.Expect(owner.Locator("#recovery-open-email")).ToHaveTextAsync(S("Recovery.Sent.Body", newEmail));
            await ReadablePagesTests.ReadHereAsync(owner, "account-recovery-sent", language, problems);

            // The link in the e-mail sends it on to the administrator, and says by when the answer comes.
            // Opening it asks for one press (a mail scanner that opens links sends nothing on).
            await owner.GotoAsync(await Mailbox.LinkAsync(portal.DataDirectory, newEmail, "/akun/pulihkan/konfirmasi"));
            await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Recovery.Confirm.AskTitle"));
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Email.Account.RecoveryReceived.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Recovery.Confirm.Title"));
            await Assertions.Expect(owner.Locator("main")).ToContainTextAsync(newEmail);
            await ReadablePagesTests.ReadHereAsync(owner, "account-recovery-confirmed", language, problems);
            await owner.GotoAsync("/akun/pulihkan/konfirmasi?kode=tautan-lama");
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Email.Account.RecoveryReceived.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator("#recovery-link-refused")).ToHaveTextAsync(S("Recovery.Confirm.Failed"));
        });

        var admin = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        await BrowserPortal.StepsAsync(admin, async () =>
        {
            await StaffSignIn.SignInAsync(portal, admin, Api.Infrastructure.Auth.Roles.Admin, language);
            await admin.GotoAsync("/admin");
            await admin.Locator("#recoveries-waiting").GetByRole(AriaRole.Link, new() { Name = S("Admin.Recovery.Title"), Exact = true }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Admin.Recovery.Title"));
            await ReadablePagesTests.ReadHereAsync(admin, "admin-recoveries", language, problems);
            await admin.GetByRole(AriaRole.Link, new() { Name = S("Admin.Recovery.Item.Open", ownerName), Exact = true }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Admin.Recovery.Case.Title", ownerName));
            // The photo shows (within the screen); the owner of the business in the account is compared, the NIK never whole.
            await Assertions.Expect(admin.Locator("#recovery-photo")).ToBeVisibleAsync();
            Assert.True(await admin.Locator("#recovery-photo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The photo does not load.");
            await Assertions.Expect(admin.Locator("#businesses")).ToContainTextAsync(S("Admin.Recovery.Business.NikMatches"));
            await Assertions.Expect(admin.Locator("#businesses")).ToContainTextAsync(S("Admin.Recovery.Business.NameMatches"));
            await Assertions.Expect(admin.Locator("main")).Not.ToContainTextAsync(nik);
            await ReadablePagesTests.ReadHereAsync(admin, "admin-recovery", language, problems);

            // Refused without a reason: said at the field; then granted.
            await admin.GetByLabel(S("Admin.Recovery.Decision.Refuse"), new() { Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = S("Admin.Recovery.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Recovery.Reason", 10));
            await admin.GetByLabel(S("Admin.Recovery.Decision.Grant"), new() { Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = S("Admin.Recovery.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(admin.Locator("#recovery-done")).ToContainTextAsync(S("Admin.Recovery.Done.Granted", newEmail));
            await Assertions.Expect(admin.Locator("#recovery-decided")).ToBeVisibleAsync();
            // The photo stays for a while after the answer, and the page says until when.
            var culture = System.Globalization.CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "id-ID");
            var until = Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow + Api.Domain.AccountRecovery.PhotoKeptAfterDecision).ToString("d MMMM yyyy", culture);
            await Assertions.Expect(admin.Locator("#photo-kept-until")).ToHaveTextAsync(S("Admin.Recovery.Photo.Kept", until, 90));
        });

        // The owner sets a new password with the link sent to the new address (the old one no longer works), and signs in there.
        await BrowserPortal.StepsAsync(owner, async () =>
        {
            await owner.GotoAsync(await Mailbox.LinkAsync(portal.DataDirectory, newEmail, "/akun/atur-sandi"));
            await owner.GetByLabel(S("Field.NewPassword"), new() { Exact = true }).FillAsync(Accounts.Password);
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Reset.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator(".govuk-notification-banner--success")).ToContainTextAsync(S("Reset.Done"));
            await new Applicant(portal, owner, language).SignInAsync(newEmail);
            await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Dashboard.Title"));
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
