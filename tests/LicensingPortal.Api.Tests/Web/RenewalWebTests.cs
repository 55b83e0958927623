using System.Text.RegularExpressions;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// The end of a permit's life in Chromium on a phone, as an owner lives it: renewing from the reminder e-mail's link,
/// through signing in, the renewal page and "check your answers", to the approved renewal and its PDF; and closing a
/// business after confirming it. In both languages, read as a first-time user reads it (320 px, no sideways
/// scrolling, no codes, axe); and moving a business to another kelurahan, from its page to the replaced permit.
/// </summary>
public sealed partial class RenewalWebTests(RenewalBrowserPortal portal) : IClassFixture<RenewalBrowserPortal>
{
    private static readonly string[] CateringDeclarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"];

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-GB")]
    public async Task FromTheReminderLink_ToTheRenewedPermitsPdf(string language)
    {
        // A catering business with its Hygiene and Sanitation Certificate (36 months), and the day 90 days before it ends.
        using var owner = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var hygiene = await HygieneCertificateAsync(owner);
        var until = hygiene.ValidUntil!.Value;
        using var shifted = await RemindedOnAsync(until.AddDays(-90));

        var link = await RenewalLinkAsync(hygiene.Number);
        var english = language.StartsWith("en", StringComparison.Ordinal);
        string S(string key) => english ? Say.En(key) : Say.Id(key);
        var page = await portal.NewPageAsync(language);
        var applicant = new Applicant(portal, page, english ? "en" : "id");
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync(new Uri(link).PathAndQuery);
            await applicant.SignInAsync(owner.Email);
            await Assertions.Expect(page.Locator("#renewed-validity")).ToBeVisibleAsync();
            // The reminder in the inbox leads to the same page as the e-mail's link.
            await page.GotoAsync("/pemohon/kotak-masuk");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = S("Inbox.RenewPermit"), Exact = true })).ToHaveAttributeAsync("href", new Uri(link).AbsolutePath);
            await page.GotoAsync(new Uri(link).PathAndQuery);
            await ReadablePagesTests.ReadHereAsync(page, "renewal", language, problems);

            await page.GetByRole(AriaRole.Button, new() { Name = S("Renewal.Start") }).ClickAsync();
            await applicant.ExpectHeadingAsync(S("Journey.Check.Title"));
            await Assertions.Expect(page.GetByText(S("Journey.Renewal")).First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(S("Journey.Check.WouldApprove"));
            await page.GetByRole(AriaRole.Button, new() { Name = S("Journey.Check.Send") }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(S("Decision.Approved"));
            await ReadablePagesTests.ReadHereAsync(page, "renewal-approved", language, problems);
            var renewedNumber = (await page.Locator(".govuk-summary-card .govuk-summary-list__value").First.InnerTextAsync()).Trim();
            Assert.NotEqual(hygiene.Number, renewedNumber);
            // The health office's visit is said, and that it is no occasion for money, with the way to report a demand.
            var inspection = page.Locator(".govuk-summary-card .kupang-inspection");
            await Assertions.Expect(inspection).ToContainTextAsync(Say.In(language, "Decision.Inspected.PB-UMKU-SLHS"));
            await Assertions.Expect(inspection.GetByRole(AriaRole.Link, new() { Name = Say.In(language, "Permits.Inspection.Report") })).ToHaveAttributeAsync("href", "/lapor");
            // What next: keep the old one up until it ends, the new one from the day after (not "put it up now").
            var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
            await Assertions.Expect(page.Locator("#next-renewal")).ToHaveTextAsync(Say.In(language, "Decision.NextRenewal", until.AddDays(1).ToString("d MMMM yyyy", culture), until.ToString("d MMMM yyyy", culture)));
            // The permits this renewal did not issue are the ones held, unchanged: not a list of what is still to get.
            await Assertions.Expect(page.Locator("#other-permits")).ToContainTextAsync(english ? "Business Identification Number" : "Nomor Induk Berusaha");
            await Assertions.Expect(page.Locator("#other-permits")).ToContainTextAsync(english ? "Standard Certificate" : "Sertifikat Standar");
            await Assertions.Expect(page.Locator("#other-permits")).Not.ToContainTextAsync(english ? "Hygiene" : "Higiene");

            // The permits page says the old one is renewed, by which, from when; the new PDF prints the new validity.
            await page.GotoAsync("/pemohon/izin");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(renewedNumber);
            await ReadablePagesTests.ReadHereAsync(page, "permits-renewed", language, problems);
            // The new permit's card right under the old one, which says to keep the old one up until its last day.
            var cards = (await page.Locator(".govuk-summary-card").AllInnerTextsAsync()).ToList();
            var oldCard = cards.FindIndex(card => card.Contains(hygiene.Number, StringComparison.Ordinal));
            Assert.True(oldCard >= 0 && oldCard + 1 < cards.Count, string.Join("\n---\n", cards));
            Assert.Contains(renewedNumber, cards[oldCard + 1], StringComparison.Ordinal);
            Assert.DoesNotContain(hygiene.Number, cards[oldCard + 1], StringComparison.Ordinal);
            // The visit is said once, on the certificate in force, not again on the one that starts later.
            Assert.Contains(Say.In(language, "Decision.Inspected.PB-UMKU-SLHS"), cards[oldCard], StringComparison.Ordinal);
            Assert.DoesNotContain(Say.In(language, "Decision.Inspected.PB-UMKU-SLHS"), cards[oldCard + 1], StringComparison.Ordinal);
            Assert.Contains(Say.In(language, "Permits.RenewedBy.Keep", renewedNumber, until.AddDays(1).ToString("d MMMM yyyy", culture), until.ToString("d MMMM yyyy", culture)), cards[oldCard], StringComparison.Ordinal);
            var pdf = await page.APIRequest.GetAsync($"/pemohon/izin/{Uri.EscapeDataString(renewedNumber)}/pdf");
            Assert.Equal(200, pdf.Status);
            var text = await PdfText.ReadAsync(await pdf.BodyAsync());
            Assert.Contains(renewedNumber, text, StringComparison.Ordinal);
            Assert.Contains("Berlaku mulai / Valid from", text, StringComparison.Ordinal);
            Assert.Contains(until.AddDays(1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), text, StringComparison.Ordinal);
            Assert.Contains(Api.Domain.Permit.LastDay(until.AddDays(1), 36).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), text, StringComparison.Ordinal);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// A permit that ended unrenewed: the e-mail saying so leads to its page, which says it cannot be renewed, to stop
    /// the activity meanwhile, and starts a new application from the same answers, straight to "check your answers".
    /// </summary>
    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-GB")]
    public async Task FromTheEndedNotice_ToANewApplicationFromTheSameAnswers(string language)
    {
        using var owner = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var hygiene = await HygieneCertificateAsync(owner);
        var until = hygiene.ValidUntil!.Value;
        using var shifted = await RemindedOnAsync(until.AddDays(2));

        var link = await RenewalLinkAsync(hygiene.Number);
        var english = language.StartsWith("en", StringComparison.Ordinal);
        string S(string key, params object[] arguments) => english ? Say.En(key, arguments) : Say.Id(key, arguments);
        var page = await portal.NewPageAsync(language);
        var applicant = new Applicant(portal, page, english ? "en" : "id");
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync(new Uri(link).PathAndQuery);
            await applicant.SignInAsync(owner.Email);
            var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
            // The notice that it ended, in the inbox, leads to the same page as the e-mail's link.
            await page.GotoAsync("/pemohon/kotak-masuk");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = S("Notice.Expired.Reapply"), Exact = true })).ToHaveAttributeAsync("href", new Uri(link).AbsolutePath);
            // The list of permits leads the ended one to the same page, not to a blank application.
            await page.GotoAsync("/pemohon/izin");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(S("Permits.ApplyAgain")) + " ") }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(new Uri(link).AbsolutePath) + "$"));
            // Headed that it ended (not "renew"), the permit named in the reader's language.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^" + Regex.Escape(S("Renewal.EndedTitle", "§")).Replace("§", ".+", StringComparison.Ordinal) + "$"));
            await Assertions.Expect(page.Locator("#renewal-ended")).ToHaveTextAsync(S("Renewal.Ended", until.ToString("d MMMM yyyy", culture)));
            await ReadablePagesTests.ReadHereAsync(page, "renewal-ended", language, problems);

            await page.GetByRole(AriaRole.Button, new() { Name = S("Renewal.Reapply"), Exact = true }).ClickAsync();
            await applicant.ExpectHeadingAsync(S("Journey.Check.Title"));
            await Assertions.Expect(page.GetByText(S("Journey.Renewal"))).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(S("Journey.Check.WouldApprove"));
            await page.GetByRole(AriaRole.Button, new() { Name = S("Journey.Check.Send") }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(S("Decision.Approved"));
            var issued = (await page.Locator(".govuk-summary-card .govuk-summary-list__value").First.InnerTextAsync()).Trim();
            Assert.NotEqual(hygiene.Number, issued);

            // Back on the ended permit's page: it names the new permit, and offers no second application.
            await page.GotoAsync(new Uri(link).PathAndQuery);
            await Assertions.Expect(page.Locator("#renewal-ended")).ToHaveTextAsync(S("Renewal.AppliedAgain", until.ToString("d MMMM yyyy", culture), issued));
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = S("Renewal.Reapply"), Exact = true })).ToHaveCountAsync(0);
            // So does the list of permits, which no longer asks to apply for it.
            await page.GotoAsync("/pemohon/izin");
            await Assertions.Expect(page.Locator(".applied-again")).ToHaveTextAsync(S("Permits.AppliedAgainAs", until.ToString("d MMMM yyyy", culture), issued));
            // The new permit, the one to print, is read first; the old one right under it.
            var cards = await page.Locator(".govuk-summary-card").AllInnerTextsAsync();
            var newCard = cards.ToList().FindIndex(c => c.Contains(issued, StringComparison.Ordinal) && !c.Contains(hygiene.Number, StringComparison.Ordinal));
            var oldCard = cards.ToList().FindIndex(c => c.Contains(hygiene.Number, StringComparison.Ordinal));
            Assert.Equal(newCard + 1, oldCard);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(S("Permits.ApplyAgain")) + " ") })).ToHaveCountAsync(0);
            await ReadablePagesTests.ReadHereAsync(page, "permits-applied-again", language, problems);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-GB")]
    public async Task ClosingABusiness_AsksToConfirm_ThenEndsItsPermits_AndSaysWhatNext(string language)
    {
        using var owner = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var request = await owner.Client.RestaurantAsync();
        var nib = Assert.Single((await owner.Client.SubmitAsync(request)).Permits);
        var english = language.StartsWith("en", StringComparison.Ordinal);
        string S(string key, params object[] arguments) => english ? Say.En(key, arguments) : Say.Id(key, arguments);
        var page = await portal.NewPageAsync(language);
        var applicant = new Applicant(portal, page, english ? "en" : "id");
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/pemohon/usaha/{request.BusinessId}");
            await applicant.SignInAsync(owner.Email);
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(S("Business.Close.Link"))) }).ClickAsync();
            await Assertions.Expect(page.Locator("#ending-permits")).ToContainTextAsync(english ? "Business Identification Number" : "Nomor Induk Berusaha");
            // An owner only moving or changing what they sell is shown the way that keeps the business and its NIB.
            await Assertions.Expect(page.Locator("#not-moving").GetByRole(AriaRole.Link, new() { Name = S("Change.Link"), Exact = true })).ToHaveAttributeAsync("href", $"/pemohon/usaha/{request.BusinessId}/perubahan");
            await ReadablePagesTests.ReadHereAsync(page, "business-close", language, problems);

            // Not ticked: nothing happens, and the error says what to do.
            await page.GetByRole(AriaRole.Button, new() { Name = S("Business.Close.Button") }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.CloseBusiness.Confirm"));
            await page.GetByLabel(S("Business.Close.Confirm", "Warung Se'i Oma Maria")).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = S("Business.Close.Button") }).ClickAsync();

            await Assertions.Expect(page.Locator("#business-closed")).ToContainTextAsync(S("Business.Close.ClosedNext"));
            await ReadablePagesTests.ReadHereAsync(page, "business-closed", language, problems);
            await page.GotoAsync("/pemohon/usaha");
            await Assertions.Expect(page.Locator(".govuk-summary-card").Filter(new() { HasText = "Warung Se'i Oma Maria" }).Locator(".govuk-tag")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = S("Applications.Start") })).ToHaveCountAsync(0);
            await page.GotoAsync("/pemohon/izin");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("PermitStatus.Closed"));
            await page.GotoAsync(new Uri(nib.VerificationUrl).PathAndQuery);
            await Assertions.Expect(page.Locator("#verification-status")).ToHaveTextAsync(S("Verify.Status.closed"));
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-GB")]
    public async Task MovingABusiness_FromItsPage_ThroughCheckYourAnswers_ReplacesThePermitThatChanged(string language)
    {
        using var owner = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        var request = await owner.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = CateringDeclarations };
        var hygiene = (await owner.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var english = language.StartsWith("en", StringComparison.Ordinal);
        string S(string key, params object[] arguments) => english ? Say.En(key, arguments) : Say.Id(key, arguments);
        var page = await portal.NewPageAsync(language);
        var applicant = new Applicant(portal, page, english ? "en" : "id");
        var problems = new List<string>();
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/pemohon/usaha/{request.BusinessId}");
            await applicant.SignInAsync(owner.Email);
            // With permits, changing the business is the main way on; a new application is the lesser button.
            await Assertions.Expect(page.Locator("#has-permits")).ToHaveTextAsync(S("Business.HasPermits.Choose"));
            await Assertions.Expect(page.Locator("#see-permits")).ToHaveAttributeAsync("href", "/pemohon/izin");
            await Assertions.Expect(page.Locator("#apply-for-business")).ToHaveTextAsync(S("Applications.Start"));
            await Assertions.Expect(page.Locator("#apply-for-business")).ToHaveClassAsync(new Regex("govuk-button--secondary"));
            // So does the list of businesses.
            await page.GotoAsync("/pemohon/usaha");
            await Assertions.Expect(page.Locator(".govuk-summary-card__actions").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(S("Change.Link"))) })).ToHaveAttributeAsync("href", $"/pemohon/usaha/{request.BusinessId}/perubahan");
            await page.GotoAsync($"/pemohon/usaha/{request.BusinessId}");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(S("Change.Link"))) }).ClickAsync();
            await Assertions.Expect(page.Locator("#change-permits")).ToContainTextAsync(hygiene.Number);
            await ReadablePagesTests.ReadHereAsync(page, "business-change", language, problems);

            // The caterer moves to Mantasi: the answers are there already; only the location changes.
            await page.GetByRole(AriaRole.Button, new() { Name = S("Change.Start") }).ClickAsync();
            await applicant.ExpectHeadingAsync(S("Journey.Check.Title"));
            await Assertions.Expect(page.GetByText(S("Journey.Change")).First).ToBeVisibleAsync();
            await page.Locator("a[href*='/lokasi']").First.ClickAsync();
            await page.GetByLabel(S("Field.Kelurahan")).SelectOptionAsync(new SelectOptionValue { Label = "Mantasi" });
            await page.GetByLabel(S("Field.Address")).FillAsync("Jl. Sumba No. 8, Mantasi");
            await page.GetByRole(AriaRole.Button, new() { Name = S("Journey.Continue") }).ClickAsync();
            await applicant.ExpectHeadingAsync(S("Journey.Check.Title"));
            await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(S("Journey.Check.WouldApprove"));
            await page.GetByRole(AriaRole.Button, new() { Name = S("Journey.Check.Send") }).ClickAsync();

            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(S("Decision.Approved"));
            await Assertions.Expect(page.Locator("#ended-permits")).ToContainTextAsync(hygiene.Number);
            await Assertions.Expect(page.Locator("#ended-next")).ToHaveTextAsync(S("Change.EndedNext"));
            await ReadablePagesTests.ReadHereAsync(page, "change-approved", language, problems);
            await page.GotoAsync("/pemohon/izin");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(S("PermitStatus.Replaced"));
            await page.GotoAsync(new Uri(hygiene.VerificationUrl).PathAndQuery);
            await Assertions.Expect(page.Locator("#verification-status")).ToHaveTextAsync(S("Verify.Status.replaced"));
            await ReadablePagesTests.ReadHereAsync(page, "verify-replaced", language, problems);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>A catering business's Hygiene and Sanitation Certificate (36 months), issued today.</summary>
    private static async Task<PermitResponse> HygieneCertificateAsync(Account owner)
    {
        var request = await owner.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = CateringDeclarations };
        return (await owner.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "PB-UMKU-SLHS");
    }

    /// <summary>The clock moved to 09:00 WITA on <paramref name="day"/> (until disposed), and the morning's permit reminders run.</summary>
    private async Task<IDisposable> RemindedOnAsync(DateOnly day)
    {
        var shifted = portal.Clock.Until(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindPermitExpiry.Job>().RunAsync(CancellationToken.None);
        return shifted;
    }

    /// <summary>Waits for the reminder (or ended) e-mail of the permit (sent to the business's address) in the pickup folder and returns its renewal page's link.</summary>
    private async Task<string> RenewalLinkAsync(string number)
    {
        string? link = null;
        await Eventually.TrueAsync(
            async () =>
            {
                if (!Directory.Exists(portal.MailPickup))
                {
                    return false;
                }

                foreach (var file in Directory.EnumerateFiles(portal.MailPickup, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if ((message.TextBody ?? string.Empty).Contains($"/pemohon/izin/{number}/perpanjang", StringComparison.Ordinal))
                    {
                        link = RenewalLink().Match(message.TextBody ?? string.Empty).Value;
                        return link.Length > 0;
                    }
                }

                return false;
            },
            "the reminder e-mail with its renewal link is written to the pickup folder");
        return link!;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/pemohon/izin/[^\s""<>/]+/perpanjang")]
    private static partial Regex RenewalLink();
}

/// <summary>On SQLite, on a clock a test can move forward (to the days before a permit ends) and back.</summary>
public sealed class RenewalBrowserPortal() : BrowserPortal(DatabaseProvider.Sqlite)
{
    public MovableClock Clock { get; } = new();

    protected override TimeProvider? Time => Clock;
}

/// <summary>Real time, shifted by an offset every part of the app sees (requests, jobs), until the shift is disposed.</summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Makes now <paramref name="moment"/> (and real time passing from there) until the result is disposed.</summary>
    public IDisposable Until(DateTimeOffset moment)
    {
        Interlocked.Exchange(ref offsetTicks, (moment - System.GetUtcNow()).Ticks);
        return new Back(this);
    }

    private sealed class Back(MovableClock clock) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref clock.offsetTicks, 0);
    }
}
