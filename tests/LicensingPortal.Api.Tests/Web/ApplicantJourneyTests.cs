using System.Text.RegularExpressions;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// A new business owner, on a phone, in Bahasa Indonesia: registers, confirms the e-mail, registers a business,
/// uploads a KTP, answers every question, is told before sending which requirements would fail and how to fix them,
/// fixes them, sends, is approved, downloads the permit and checks it by its QR code as anyone would. On PostgreSQL,
/// the production store: every other browser class runs on the embedded SQLite, and the API tests run on both.
/// </summary>
public sealed class ApplicantJourneyTests(PostgresBrowserPortal portal) : IClassFixture<PostgresBrowserPortal>
{
    [Fact]
    public async Task NewApplicant_FixesWhatThePrecheckFinds_IsApproved_AndThePermitsQrCodeVerifiesIt()
    {
        var page = await portal.NewPageAsync();
        var applicant = new Applicant(portal, page) { Audit = true };
        await BrowserPortal.StepsAsync(page, async () =>
        {
        await applicant.RegisterConfirmAndSignInAsync();
        await applicant.ExpectHeadingAsync(Say.Id("Dashboard.Title"));
        await applicant.RegisterSoleProprietorAsync();
        await applicant.UploadKtpAsync();

        await applicant.AnswerThroughInvestmentAsync();
        // The environmental document this low-risk restaurant needs is the one offered, said to be the one for it: no
        // other, which would fail, and no "not yet" to read as "I have no papers" (its SPPL is the statement made here).
        var document = (string key) => page.Locator(".govuk-radios__item").Filter(new() { Has = page.GetByLabel(Say.Id(key), new() { Exact = true }) });
        await Assertions.Expect(document("Environment.SPPL")).ToContainTextAsync(Say.Id("Journey.Environment.ForYou"));
        await Assertions.Expect(page.Locator(".govuk-radios__item")).ToHaveCountAsync(1);
        // The building's number left out: one more requirement to fix from the check page.
        await applicant.AnswerEnvironmentAsync("Environment.SPPL", pbg: string.Empty);
        await applicant.AnswerDocumentsAsync(attachKtp: false);

        // The declarations this low-risk restaurant needs say so; one for medium-high risk does not.
        var declaration = (string key) => page.Locator(".govuk-checkboxes__item").Filter(new() { Has = page.GetByLabel(Say.Id(key), new() { Exact = true }) });
        await Assertions.Expect(declaration("Declaration.kebenaran-data")).ToContainTextAsync(Say.Id("Journey.Declarations.RequiredForYou"));
        await Assertions.Expect(declaration("Declaration.komitmen-verifikasi-standar")).Not.ToContainTextAsync(Say.Id("Journey.Declarations.RequiredForYou"));
        await applicant.AnswerDeclarationsAsync(declareTruth: false);

        // Before sending: every requirement that would fail, with what to do and the regulation, each with a link to fix it.
        var failures = await applicant.PrecheckFailuresAsync();
        Assert.True(failures.Count >= 3, string.Join(" | ", failures));
        var result = page.Locator("#precheck-result");
        await Assertions.Expect(result).ToContainTextAsync(Say.Id("Journey.Check.WouldReject", failures.Count));
        Assert.Equal(failures.Count, await result.GetByText(Say.Id("Decision.Remedy") + ":").CountAsync());
        Assert.Equal(failures.Count, await result.GetByText(new Regex("^" + Regex.Escape(Say.Id("Decision.LegalBasis")) + ": .+")).CountAsync());
        await Screenshots.SaveAsync(page, "precheck-failures");

        // Fix each, from its own link, until the pre-check passes.
        for (var round = 0; round < 5 && await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Precheck.Fix"))) }).CountAsync() > 0; round++)
        {
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Precheck.Fix"))) }).First.ClickAsync();
            var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Or(page.Locator("legend h1")).First.InnerTextAsync();
            if (round == 0)
            {
                // Beside a question, the pre-check explains in full what this page's answers fix, and names what other
                // questions fix with the way there.
                var panel = page.Locator("#precheck");
                await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = Say.Id("Precheck.Here"), Exact = true })).ToBeVisibleAsync();
                await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = Say.Id("Precheck.Elsewhere"), Exact = true })).ToBeVisibleAsync();
                var explained = await panel.GetByText(Say.Id("Decision.Remedy") + ":").CountAsync();
                Assert.InRange(explained, 1, failures.Count - 1);
                Assert.Equal(failures.Count - explained, await panel.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Precheck.Fix"))) }).CountAsync());
                // A remedy that names the page it is shown on says "on this page" there.
                var explainedHere = await panel.Locator("ul").First.InnerTextAsync();
                Assert.Contains(Say.Id("Remedy.OnThisPage"), explainedHere, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Say.Id("Remedy.OnPage", heading.Trim()), explainedHere, StringComparison.OrdinalIgnoreCase);
                // Said again above the page's button, drawn before the panel on a phone.
                await Assertions.Expect(page.Locator("#precheck-note")).ToContainTextAsync(Say.Id("Precheck.Note"));
            }

            if (heading.Contains(Say.Id("Journey.Environment.Title"), StringComparison.Ordinal))
            {
                await applicant.AnswerEnvironmentAsync("Environment.SPPL");
            }
            else if (heading.Contains(Say.Id("Journey.Documents.Title"), StringComparison.Ordinal))
            {
                await applicant.AnswerDocumentsAsync(attachKtp: true);
            }
            else
            {
                Assert.Contains(Say.Id("Journey.Declarations.Title"), heading, StringComparison.Ordinal);
                await applicant.AnswerDeclarationsAsync(declareTruth: true);
            }

            await applicant.ExpectHeadingAsync(Say.Id("Journey.Check.Title"));
        }

        await Assertions.Expect(page.Locator("#precheck-result")).ToContainTextAsync(Say.Id("Journey.Check.WouldApprove"));
        await Screenshots.SaveAsync(page, "check-your-answers");
        await applicant.SendAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync(Say.Id("Decision.Approved"));
        await Screenshots.SaveAsync(page, "approved");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Permits.Download"))) }).First.ClickAsync());
        var pdfPath = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(pdfPath);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        // The printed permit names the activity by its words, as the pages do.
        Assert.Contains("Restoran (KBLI 56101)", await PdfText.ReadAsync(pdf), StringComparison.Ordinal);

        // The QR code printed on the permit, read with zbar, opened on another phone without signing in.
        var printed = await Zbar.ReadPermitQrCodeAsync(pdf);
        Assert.StartsWith(portal.BaseAddress.ToString().TrimEnd('/') + "/api/verify/", printed, StringComparison.Ordinal);
        var citizen = await portal.NewPageAsync();
        await citizen.GotoAsync(printed);
        await Assertions.Expect(citizen.Locator("#verification-status")).ToHaveTextAsync(Say.Id("Verify.Status.valid"));
        await Assertions.Expect(citizen.GetByText("Warung Se'i Oma Maria")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(citizen);
        await Screenshots.SaveAsync(citizen, "permit-verified");
        });
    }
}
