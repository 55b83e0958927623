using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// A refused owner objects in Chromium over a month of demo applications, in both languages, and appeals to the mayor;
/// the officers and the mayor's office answer on their pages. (Apart from <see cref="OwnersAndCitizensWebTests"/>, with
/// its own app and browser, so that neither class is the test run's tail.)
/// </summary>
public sealed class ObjectionWebTests(DemoBrowserPortal portal) : IClassFixture<DemoBrowserPortal>
{
    /// <summary>
    /// A refused owner objects on a phone, without coming to the office: the decision page says until when, the form
    /// names the refusal's failures in words and asks why; an officer finds it waiting, reads it beside the case and
    /// answers; the owner reads the answer and what to do next, from the inbox too, and still disagreeing appeals to the
    /// mayor on the same page; the mayor's office finds the appeal on its own page, reads the whole case and answers; the
    /// owner reads that answer and the last step there is. Every page read at 320 px, in both languages.
    /// </summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task ARefusedOwner_ObjectsOnAPhone_AnOfficerAnswers_AndTheOwnerReadsWhatToDoNext(string language)
    {
        string S(string key, params object[] arguments) => Say.In(language, key, arguments);
        var problems = new List<string>();
        using var account = await Accounts.CreateAsync(portal.Factory, Roles.Applicant);
        var name = $"Kios Keberatan {Accounts.Unique()[..8]}";
        var business = await account.Client.RegisterBusinessAsync(Builders.SoleProprietor(name));
        var identityCard = await account.Client.UploadAsync();
        var refused = await account.Client.SubmitAsync(Builders.Restaurant(business, identityCard) with { Declarations = [] });
        using var titles = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{refused.Id}/objection");
        titles.Headers.AcceptLanguage.ParseAdd(language);
        var state = (await (await account.Client.SendAsync(titles)).Content.ReadFromJsonAsync<global::LicensingPortal.Api.Features.Objections.GetObjection.Response>(TestJson.Options))!;
        var contested = state.FailedRequirements.Single(r => r.Id == "PERNYATAAN-KEBENARAN-DATA").Title;
        var calendar = await Calendars.PublishedAsync(account.Client);
        const string Reason = "Saya sudah mencentang pernyataan itu di HP, tetapi sistem tidak menyimpannya.";
        const string Answer = "Pernyataan tidak tercentang pada permohonan yang Anda kirim. Centang pernyataan, lalu kirim lagi.";
        const string AppealReason = "Saya sudah mencentang pernyataan itu dua kali. Tolong periksa lagi.";
        const string AppealAnswer = "Kantor Wali Kota memeriksa berkasnya: pernyataan memang tidak tercentang. Centang, lalu kirim lagi.";
        var letter = $"surat-kelurahan-{language}.pdf";
        var evidenceName = S("Objection.EvidenceItem", S("DocumentKind.lainnya"), OwnersAndCitizensWebTests.DateIn(language, global::LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow)), letter);

        var owner = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        var officer = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        await BrowserPortal.StepsAsync(owner, async () =>
        {
            await owner.GotoAsync("/akun/masuk");
            await new Applicant(portal, owner, language).SignInAsync(account.Email);
            await owner.GotoAsync($"/pemohon/permohonan/{refused.Id}");
            await Assertions.Expect(owner.Locator("#objection")).ToContainTextAsync(S("Objection.Detail.May", OwnersAndCitizensWebTests.DateIn(language, state.LastDayToObject!.Value)));
            await owner.GetByRole(AriaRole.Link, new() { Name = S("Objection.Detail.Start"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Objection.Title"));
            await Assertions.Expect(owner.Locator("#objection-last-day")).ToHaveTextAsync(S("Objection.LastDay", OwnersAndCitizensWebTests.DateIn(language, state.LastDayToObject.Value)));
            await ReadablePagesTests.ReadHereAsync(owner, "objection-form", language, problems);

            // Sent without a reason: said at the field, nothing kept.
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Objection.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Objection.Reason", 20, 4000));

            // A letter as evidence: uploaded from the objection's page, which it comes back to, then chosen.
            await owner.GetByRole(AriaRole.Link, new() { Name = S("Objection.Evidence.UploadButton"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator(".govuk-back-link")).ToHaveTextAsync(S("Objection.BackFromDocuments"));
            await owner.GetByLabel(S("Field.DocumentKind"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = S("DocumentKind.lainnya") });
            var file = Path.Combine(Directory.CreateDirectory(Path.Combine(portal.DataDirectory, "uploads", Guid.NewGuid().ToString("N"))).FullName, letter);
            await File.WriteAllBytesAsync(file, Builders.Pdf);
            await owner.GetByLabel(S("Field.File"), new() { Exact = true }).ChooseFilesAsync(file);
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Documents.Upload.Button"), Exact = true }).ClickAsync();
            // Back with the letter ticked among the evidence already.
            await Assertions.Expect(owner).ToHaveURLAsync(new Regex($"/pemohon/permohonan/{refused.Id}/keberatan\\?dilampirkan=[0-9a-f-]{{36}}$"));
            await Assertions.Expect(owner.GetByLabel(S("DocumentKind.lainnya"), new() { Exact = true })).ToBeCheckedAsync();
            await owner.GetByLabel(S("Objection.Requirement", contested), new() { Exact = true }).CheckAsync();
            await owner.GetByLabel(S("Objection.Reason.Label"), new() { Exact = true }).FillAsync(Reason);
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Objection.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator("#objection-sent")).ToContainTextAsync(S("Objection.Sent"));
            await Assertions.Expect(owner.Locator("#objection-evidence")).ToHaveTextAsync(evidenceName);
            var mine = await owner.APIRequest.GetAsync((await owner.Locator("#objection-evidence a").GetAttributeAsync("href"))!);
            Assert.Equal(Builders.Pdf, await mine.BodyAsync());
            await Assertions.Expect(owner.Locator("#objection-waiting")).ToContainTextAsync(S("Objection.Waiting", OwnersAndCitizensWebTests.DateIn(language, calendar.AddWorkingDays(global::LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow), 10))));
            await Assertions.Expect(owner.Locator("main")).ToContainTextAsync(contested);
            await ReadablePagesTests.ReadHereAsync(owner, "objection-sent", language, problems);
        });

        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await SignInAsync(officer, Roles.Officer, language);
            // Waiting objections are said first on the officer's own page, whatever they came to do.
            await officer.GotoAsync("/petugas");
            await Assertions.Expect(officer.Locator("#objections-waiting")).ToBeVisibleAsync();
            await officer.Locator("#objections-waiting").GetByRole(AriaRole.Link, new() { Name = S("Audit.ObjectionsWaiting.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Objections.Title"));
            await ReadablePagesTests.ReadHereAsync(officer, "officer-objections", language, problems);
            await officer.Locator(".govuk-summary-card").Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = S("Objections.Open") }).ClickAsync();
            await Assertions.Expect(officer.Locator("#objection-reason")).ToHaveTextAsync(Reason);
            await Assertions.Expect(officer.Locator("#objection-requirements")).ToHaveTextAsync(contested);
            await Assertions.Expect(officer.Locator("#objection-case")).ToHaveAttributeAsync("href", $"/petugas/keputusan/{refused.Id}");
            // The owner's letter, opened through the case's access history.
            var evidence = officer.Locator("#objection-evidence").GetByRole(AriaRole.Link, new() { Name = evidenceName, Exact = true });
            await Assertions.Expect(evidence).ToHaveAttributeAsync("href", new Regex($"^/petugas/keputusan/{refused.Id}\\?handler=Dokumen&dokumen=[0-9a-f-]+$"));
            var opened = await officer.APIRequest.GetAsync((await evidence.GetAttributeAsync("href"))!);
            Assert.Equal(200, opened.Status);
            Assert.Equal(Builders.Pdf, await opened.BodyAsync());
            await Assertions.Expect(officer.Locator("#objection-late-law")).ToHaveCountAsync(0);
            await ReadablePagesTests.ReadHereAsync(officer, "officer-objection", language, problems);

            // Past its last day (moved there in the database, then back), the law's warning stands above the answer:
            // deemed granted, the legal section first, one answer only.
            async Task<DateOnly> DueOnAsync(DateOnly? set)
            {
                await using var scope = portal.Factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                var was = await db.Objections.Where(o => o.ApplicationId == refused.Id).Select(o => o.AnswerDueOn).SingleAsync();
                if (set is { } day)
                {
                    await db.Objections.Where(o => o.ApplicationId == refused.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.AnswerDueOn, day));
                }

                return was;
            }

            var dueOn = await DueOnAsync(global::LicensingPortal.Api.Domain.Wita.Today(TimeProvider.System).AddDays(-1));
            await officer.ReloadAsync();
            await Assertions.Expect(officer.Locator("#objection-late-law")).ToContainTextAsync(S("Objections.Answer.LateLaw"));
            await DueOnAsync(dueOn);
            await officer.ReloadAsync();
            await Assertions.Expect(officer.Locator("#objection-late-law")).ToHaveCountAsync(0);
            await officer.GetByLabel(S("Objections.Answer.Stands"), new() { Exact = true }).CheckAsync();
            await officer.GetByLabel(S("Objections.Answer.Label"), new() { Exact = true }).FillAsync(Answer);
            await officer.GetByRole(AriaRole.Button, new() { Name = S("Objections.Answer.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator("#objection-answered")).ToContainTextAsync(S("Objections.Answer.Sent"));
            await Assertions.Expect(officer.Locator("#objection-answer")).ToHaveTextAsync(Answer);
            // The case links back to it.
            await officer.GotoAsync($"/petugas/keputusan/{refused.Id}");
            await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = S("Audit.Objection"), Exact = true })).ToBeVisibleAsync();
        });

        await BrowserPortal.StepsAsync(owner, async () =>
        {
            await owner.GotoAsync("/pemohon/kotak-masuk");
            await owner.GetByRole(AriaRole.Link, new() { Name = S("Inbox.OpenObjection"), Exact = true }).First.ClickAsync();
            await Assertions.Expect(owner).ToHaveURLAsync(new Regex($"/pemohon/permohonan/{refused.Id}/keberatan$"));
            await Assertions.Expect(owner.Locator("#objection-answer")).ToHaveTextAsync(S("Objection.Outcome.Stands"));
            await Assertions.Expect(owner.Locator("main")).ToContainTextAsync(Answer);
            await Assertions.Expect(owner.Locator("#objection-next")).ToContainTextAsync(S("Objection.Next.Stands"));
            await ReadablePagesTests.ReadHereAsync(owner, "objection-answered", language, problems);
            await owner.GotoAsync($"/pemohon/permohonan/{refused.Id}");
            await Assertions.Expect(owner.Locator("#objection")).ToContainTextAsync(S("Objection.Detail.Answered.Stands"));

            // Still disagreeing, the owner appeals to the mayor on this page, in writing, by its last day.
            await owner.GotoAsync($"/pemohon/permohonan/{refused.Id}/keberatan");
            var appealBy = calendar.AddWorkingDays(global::LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow), 10);
            await Assertions.Expect(owner.Locator("#objection-appeal")).ToContainTextAsync(S("Objection.Appeal", OwnersAndCitizensWebTests.DateIn(language, appealBy)));
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Appeal.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Appeal.Reason", 20, 4000));
            await owner.GetByLabel(S("Appeal.Reason.Label"), new() { Exact = true }).FillAsync(AppealReason);
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Appeal.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator("#appeal-sent")).ToContainTextAsync(S("Appeal.Sent"));
            await Assertions.Expect(owner.Locator("#appeal-waiting")).ToHaveTextAsync(S("Appeal.Waiting", OwnersAndCitizensWebTests.DateIn(language, appealBy)));
            await Assertions.Expect(owner.Locator("#objection-appeal")).ToHaveCountAsync(0);
            await ReadablePagesTests.ReadHereAsync(owner, "appeal-sent", language, problems);
        });

        // The mayor's office finds it waiting on its own page, reads the whole case and answers.
        var mayor = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        await BrowserPortal.StepsAsync(mayor, async () =>
        {
            await SignInAsync(mayor, Roles.Mayor, language);
            await mayor.GotoAsync("/walikota");
            await mayor.Locator("#appeals-waiting").GetByRole(AriaRole.Link, new() { Name = S("Appeals.Waiting.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(mayor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Appeals.Title"));
            await ReadablePagesTests.ReadHereAsync(mayor, "mayor-appeals", language, problems);
            await mayor.Locator(".govuk-summary-card").Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = S("Objections.Open") }).ClickAsync();
            await Assertions.Expect(mayor.Locator("#objection-reason")).ToHaveTextAsync(Reason);
            await Assertions.Expect(mayor.Locator("#objection-answer")).ToHaveTextAsync(Answer);
            await Assertions.Expect(mayor.Locator("#appeal-reason")).ToHaveTextAsync(AppealReason);
            // The owner's letter opens here too, kept in the reader's access history; the officers' audit pages are not the mayor's.
            var evidence = mayor.Locator("#objection-evidence").GetByRole(AriaRole.Link, new() { Name = evidenceName, Exact = true });
            var evidenceLink = (await evidence.GetAttributeAsync("href"))!;
            var opened = await mayor.APIRequest.GetAsync(evidenceLink);
            Assert.Equal(Builders.Pdf, await opened.BodyAsync());
            // The application's own documents (its identity card) are the officers' to audit, not the mayor's office's.
            Assert.Equal(404, (await mayor.APIRequest.GetAsync(Regex.Replace(evidenceLink, "dokumen=[0-9a-f-]+", $"dokumen={identityCard}"))).Status);
            await Assertions.Expect(mayor.Locator("#objection-case")).ToHaveCountAsync(0);
            await ReadablePagesTests.ReadHereAsync(mayor, "mayor-appeal", language, problems);
            await mayor.GetByRole(AriaRole.Button, new() { Name = S("Objections.Answer.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(mayor.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Appeal.Outcome"));
            await mayor.GetByLabel(S("Appeals.Answer.Stands"), new() { Exact = true }).CheckAsync();
            await mayor.GetByLabel(S("Objections.Answer.Label"), new() { Exact = true }).FillAsync(AppealAnswer);
            await mayor.GetByRole(AriaRole.Button, new() { Name = S("Objections.Answer.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(mayor.Locator("#appeal-answered")).ToContainTextAsync(S("Objections.Answer.Sent"));
            await Assertions.Expect(mayor.Locator("#appeal-answer")).ToHaveTextAsync(AppealAnswer);
        });

        await BrowserPortal.StepsAsync(owner, async () =>
        {
            await owner.GotoAsync($"/pemohon/permohonan/{refused.Id}/keberatan");
            await Assertions.Expect(owner.Locator("#appeal-outcome")).ToHaveTextAsync(S("Appeal.Outcome.Stands"));
            await Assertions.Expect(owner.Locator("#appeal-answer")).ToHaveTextAsync(AppealAnswer);
            // The last step outside the service is named; the way on inside it stays.
            await Assertions.Expect(owner.Locator("#appeal-court")).ToHaveTextAsync(S("Appeal.Court", 90));
            await Assertions.Expect(owner.Locator("#objection-next")).ToContainTextAsync(S("Appeal.Next.Stands"));
            await ReadablePagesTests.ReadHereAsync(owner, "appeal-answered", language, problems);

            // The way on from the answer: correct and apply again, every answer kept, straight to "check your answers".
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Objection.SendAgain"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner).ToHaveURLAsync(new Regex("/pemohon/draf/[0-9a-f-]+/periksa$"));
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private Task SignInAsync(IPage page, string role, string language = "id") => StaffSignIn.SignInAsync(portal, page, role, language);
}
