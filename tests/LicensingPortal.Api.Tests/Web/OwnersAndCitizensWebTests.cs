using System.Text.RegularExpressions;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Owners and citizens with the office, in Chromium over a month of demo applications: an owner who is stuck asks the
/// office, someone asked for money reports it (signed in or not) and reads the inspectorate's answer; the officers and
/// the inspectorate answer on their pages. Every page read at 320 px. (A refused owner's objection and appeal are in
/// <see cref="ObjectionWebTests"/>.)
/// </summary>
public sealed class OwnersAndCitizensWebTests(DemoBrowserPortal portal) : IClassFixture<DemoBrowserPortal>
{
    /// <summary>
    /// An owner who does not understand a refusal asks the office in writing, from the decision's page, on a phone; an
    /// officer finds the question waiting, reads it with who asked and answers; the owner reads the answer from the
    /// inbox. Every page read at 320 px, in both languages.
    /// </summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task AnOwnerWhoIsStuck_AsksTheOfficeOnAPhone_AnOfficerAnswers_AndTheOwnerReadsIt(string language)
    {
        string S(string key, params object[] arguments) => Say.In(language, key, arguments);
        var problems = new List<string>();
        using var account = await Accounts.CreateAsync(portal.Factory, Roles.Applicant);
        var refused = await account.Client.SubmitAsync(await account.Client.RestaurantAsync() with { Declarations = [] });
        var calendar = await Calendars.PublishedAsync(account.Client);
        var dueOn = calendar.AddWorkingDays(global::LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow), global::LicensingPortal.Api.Domain.Question.WorkingDaysToAnswer);
        var due = DateIn(language, dueOn);
        var dueDay = dueOn.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "id-ID"));
        var asked = $"Saya tidak paham kata pernyataan di keputusan ini ({language}). Apa yang harus saya centang?";
        const string Answer = "Buka permohonan Anda, tekan Perbaiki dan ajukan kembali, lalu di halaman Pernyataan centang kotak pernyataan data benar. Setelah itu kirim lagi.";

        var owner = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        var officer = await portal.NewPageAsync(language == "en" ? "en-GB" : "id-ID");
        await BrowserPortal.StepsAsync(owner, async () =>
        {
            await owner.GotoAsync("/akun/masuk");
            await new Applicant(portal, owner, language).SignInAsync(account.Email);
            await owner.GotoAsync($"/pemohon/permohonan/{refused.Id}");
            await owner.Locator("#decision-ask").GetByRole(AriaRole.Link, new() { Name = S("Decision.Ask.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Question.Title"));
            // The topic comes chosen from where the owner was; nobody is to be met and nothing paid.
            await Assertions.Expect(owner.GetByLabel(S("Question.Topic.Decision"), new() { Exact = true })).ToBeCheckedAsync();
            await Assertions.Expect(owner.Locator("#question-no-money")).ToContainTextAsync(S("Question.NoMoney"));
            await Assertions.Expect(owner.Locator("#questions-none")).ToHaveTextAsync(S("Question.Mine.None"));
            // Asked from the refusal: the question names the application, and says it is no objection.
            await Assertions.Expect(owner.Locator("#question-application")).ToHaveTextAsync(S("Question.AboutApplication", Builders.SoleProprietor().Name, global::LicensingPortal.Api.Domain.ApplicationReference.Of(refused.Id)));
            await Assertions.Expect(owner.Locator("#question-not-objection")).ToHaveTextAsync(S("Question.NotObjection"));
            await ReadablePagesTests.ReadHereAsync(owner, "ask-form", language, problems);

            // Sent without words: said at the field, nothing kept.
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Question.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator(".govuk-error-summary")).ToContainTextAsync(S("Validation.Question.Text.Empty"));
            await Assertions.Expect(owner.Locator("#question-application")).ToBeVisibleAsync();
            await Assertions.Expect(owner.GetByLabel(S("Question.Topic.Decision"), new() { Exact = true })).ToBeCheckedAsync();
            await owner.GetByLabel(S("Question.Text.Label"), new() { Exact = true }).FillAsync(asked);
            await owner.GetByRole(AriaRole.Button, new() { Name = S("Question.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(owner.Locator("#question-sent")).ToContainTextAsync(S("Question.Sent", dueDay));
            await Assertions.Expect(owner.Locator("#question-sent").GetByRole(AriaRole.Link, new() { Name = S("Question.Back"), Exact = true })).ToHaveAttributeAsync("href", $"/pemohon/permohonan/{refused.Id}");
            var card = owner.Locator("#questions li");
            await Assertions.Expect(card).ToHaveCountAsync(1);
            await Assertions.Expect(card).ToContainTextAsync(asked);
            await Assertions.Expect(card.Locator(".question-due")).ToHaveTextAsync(S("Question.Due", due));
            // No empty form to fill again below the news: another question is folded, and opens with a tap.
            await Assertions.Expect(owner.GetByLabel(S("Question.Text.Label"), new() { Exact = true })).Not.ToBeVisibleAsync();
            await ReadablePagesTests.ReadHereAsync(owner, "ask-sent", language, problems);
            await owner.Locator("#ask-another summary").ClickAsync();
            await Assertions.Expect(owner.GetByLabel(S("Question.Text.Label"), new() { Exact = true })).ToBeVisibleAsync();
        });

        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await SignInAsync(officer, Roles.Officer, language);
            await officer.GotoAsync("/petugas");
            await officer.Locator("#questions-waiting").GetByRole(AriaRole.Link, new() { Name = S("Audit.QuestionsWaiting.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(S("Questions.Title"));
            await ReadablePagesTests.ReadHereAsync(officer, "officer-questions", language, problems);
            await officer.Locator(".govuk-summary-card").Filter(new() { HasText = account.Email }).GetByRole(AriaRole.Link, new() { Name = S("Questions.Open") }).ClickAsync();
            await Assertions.Expect(officer.Locator("#question-text")).ToHaveTextAsync(asked);
            await Assertions.Expect(officer.Locator("#question-asker-search")).ToHaveAttributeAsync("href", $"/petugas?cari={Uri.EscapeDataString(account.Email)}#results");
            await Assertions.Expect(officer.Locator("#question-businesses")).ToContainTextAsync(Builders.SoleProprietor().Name);
            await Assertions.Expect(officer.Locator("#question-others-none")).ToHaveTextAsync(S("Questions.Others.None"));
            await Assertions.Expect(officer.Locator("#question-application")).ToHaveAttributeAsync("href", $"/petugas/keputusan/{refused.Id}");
            await ReadablePagesTests.ReadHereAsync(officer, "officer-question", language, problems);
            await officer.GetByLabel(S("Questions.Answer.Label"), new() { Exact = true }).FillAsync(Answer);
            await officer.GetByRole(AriaRole.Button, new() { Name = S("Questions.Answer.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(officer.Locator("#question-answered")).ToContainTextAsync(S("Questions.Answer.Sent"));
            await Assertions.Expect(officer.Locator("#question-answer")).ToHaveTextAsync(Answer);
            // A page past the list's last says so, not that nothing is waiting (objections' pages too).
            await officer.GotoAsync("/petugas/pertanyaan?halaman=9999");
            await Assertions.Expect(officer.Locator("#questions-none")).ToHaveTextAsync(S("List.PastLast"));
            await officer.GotoAsync("/petugas/keberatan?halaman=9999");
            await Assertions.Expect(officer.Locator("#objections-none")).ToHaveTextAsync(S("List.PastLast"));
            await officer.GotoAsync("/petugas/pertanyaan?dijawab=true");
            await officer.Locator(".govuk-summary-card").Filter(new() { HasText = account.Email }).GetByRole(AriaRole.Link, new() { Name = S("Questions.Read") }).ClickAsync();

            // The officer's search by the asker's address finds their refused application.
            await officer.Locator("#question-asker-search").ClickAsync();
            await Assertions.Expect(officer.Locator("tbody")).ToContainTextAsync(global::LicensingPortal.Api.Domain.ApplicationReference.Of(refused.Id));
        });

        // The inbox has the answer as it is given (the e-mail follows from the job queue).
        await BrowserPortal.StepsAsync(owner, async () =>
        {
            await owner.GotoAsync("/pemohon/kotak-masuk");
            await owner.GetByRole(AriaRole.Link, new() { Name = S("Inbox.OpenQuestion"), Exact = true }).First.ClickAsync();
            await Assertions.Expect(owner).ToHaveURLAsync(new Regex("/pemohon/tanya#pertanyaan-[0-9a-f-]+$"));
            var card = owner.Locator("#questions li");
            await Assertions.Expect(card.Locator(".govuk-tag")).ToHaveTextAsync(S("Question.Status.Answered"));
            await Assertions.Expect(card.Locator(".question-answer")).ToHaveTextAsync(Answer);
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = S("Question.AboutLink", Builders.SoleProprietor().Name, global::LicensingPortal.Api.Domain.ApplicationReference.Of(refused.Id)), Exact = true })).ToHaveAttributeAsync("href", $"/pemohon/permohonan/{refused.Id}");
            await ReadablePagesTests.ReadHereAsync(owner, "ask-answered", language, problems);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    internal static string DateIn(string language, DateOnly day) =>
        day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "id-ID"));

    /// <summary>
    /// Someone asked for money reports it from any page's footer on a phone, without signing in; the inspectorate (and
    /// only it: an officer is refused) finds it first in its list, reads it and answers; the reporter reads the answer
    /// later with the number and the secret code the page showed once.
    /// </summary>
    [Fact]
    public async Task SomeoneAskedForMoney_ReportsItWithoutSigningIn_OnlyTheInspectorateAnswers_AndTheReporterReadsItWithTheNumberAndCode()
    {
        // An amount of its own tells this report from those of other tests in the class.
        var amount = Random.Shared.Next(100, 999) * 1000 + 500;
        var shown = "Rp" + amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        const string what = "Seorang pria di kantor kelurahan meminta uang supaya izin saya cepat keluar.";
        var problems = new List<string>();
        string number = string.Empty, code = string.Empty;
        // A screenshot of the WhatsApp message, as a phone keeps it: 2 MB, twice what a page without files accepts.
        var screenshot = Path.Combine(Directory.CreateDirectory(Path.Combine(portal.DataDirectory, "uploads", Guid.NewGuid().ToString("N"))).FullName, "Screenshot_WhatsApp.png");
        var screenshotBytes = Photos.LargePng(2 * 1024 * 1024);
        await File.WriteAllBytesAsync(screenshot, screenshotBytes);
        var citizen = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(citizen, async () =>
        {
            // The first page says where to report it, beside "this service is free"; every page's footer does too.
            await citizen.GotoAsync("/");
            await Assertions.Expect(citizen.Locator("#start-free").GetByRole(AriaRole.Link, new() { Name = Say.Id("Start.Levy.Link"), Exact = true })).ToHaveAttributeAsync("href", "/lapor");
            await citizen.GotoAsync("/statistik");
            await citizen.GetByRole(AriaRole.Link, new() { Name = Say.Id("Footer.Report"), Exact = true }).ClickAsync();
            await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Levy.Title"));
            ILocator Field(string key) => citizen.GetByLabel(Say.Id(key), new() { Exact = true });
            Task SendAsync() => citizen.GetByRole(AriaRole.Button, new() { Name = Say.Id("Levy.Send"), Exact = true }).ClickAsync();

            // Four photos where three may go: said at the field before anything is sent (minutes on a slow network), what
            // was typed still there.
            var four = Enumerable.Range(1, 4).Select(i => Path.Combine(Path.GetDirectoryName(screenshot)!, $"foto-{i}.png")).ToArray();
            foreach (var photo in four)
            {
                await File.WriteAllBytesAsync(photo, Builders.Png);
            }

            // The file field is a button in the page's language, whatever the phone's, and says what was chosen.
            var chooser = citizen.Locator(".govuk-file-upload-button");
            await Assertions.Expect(chooser).ToContainTextAsync(Say.Id("File.Choose.Many"));
            await Assertions.Expect(chooser).ToContainTextAsync(Say.Id("File.None"));
            await Field("Levy.Field.What").FillAsync("minta uang");
            await Field("Levy.Field.Evidence").ChooseFilesAsync(four);
            await Assertions.Expect(chooser).ToContainTextAsync(Say.Id("File.Chosen.Other", 4));
            await SendAsync();
            await Assertions.Expect(citizen.Locator("#Evidence-error")).ToContainTextAsync(Say.Id("Validation.Levy.EvidenceCount", 3));
            await Assertions.Expect(citizen.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
            await Assertions.Expect(Field("Levy.Field.What")).ToHaveValueAsync("minta uang");

            // Too short, a day yet to come and an amount that is no number: all said at once, in the form's order, at their
            // fields, and what was typed kept.
            await Field("Levy.Field.What").FillAsync("uang");
            await citizen.Locator("#HappenedOn-day").FillAsync("1");
            await citizen.Locator("#HappenedOn-month").FillAsync("1");
            await citizen.Locator("#HappenedOn-year").FillAsync("2999");
            await Field("Levy.Field.Amount").FillAsync("tiga ratus ribu");
            await Field("Levy.Field.Evidence").ChooseFilesAsync(screenshot);
            // A mark on this page's window: gone if the browser loaded a page, kept if the form's script answered.
            await citizen.EvaluateAsync("() => { window.kupangKept = true }");
            await SendAsync();
            // The form comes back with its errors, the photo still chosen: the reporter need not find it again.
            await Assertions.Expect(citizen.Locator(".govuk-error-summary li")).ToHaveTextAsync([Say.Id("Validation.Levy.What"), Say.Id("Validation.Levy.When"), Say.Id("Levy.Field.Amount.NotANumber")]);
            await Assertions.Expect(citizen.Locator(".govuk-file-upload-button")).ToContainTextAsync("Screenshot_WhatsApp.png");
            Assert.Equal(1, await citizen.Locator("input[type=file][name=Evidence]").EvaluateAsync<int>("input => input.files.length"));
            Assert.True(await citizen.EvaluateAsync<bool>("() => window.kupangKept === true"), "The form was shown again by its script, not by a page load.");
            await Assertions.Expect(Field("Levy.Field.What")).ToHaveValueAsync("uang");
            await Assertions.Expect(Field("Levy.Field.Amount")).ToHaveValueAsync("tiga ratus ribu");
            await ReadablePagesTests.ReadHereAsync(citizen, "report-levy-error", "id", problems);

            await Field("Levy.Field.What").FillAsync(what);
            await citizen.Locator("#HappenedOn-year").FillAsync("2026");
            await Field("Levy.Field.Place").FillAsync("Kantor Kelurahan Oebobo");
            // As people write it ("123,5 ribu"); the inspectorate reads it in figures.
            await Field("Levy.Field.Amount").FillAsync($"{amount / 1000},5 ribu");
            await citizen.GetByLabel(Say.Id("Levy.Paid.No"), new() { Exact = true }).CheckAsync();
            await Field("Levy.Field.Contact").FillAsync("0812 3456 7890");
            // The photo kept from the first sending goes with this one, not chosen again.
            await SendAsync();
            await Assertions.Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Levy.Sent"));
            await Assertions.Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Levy.Sent.EvidenceCount"));
            // By its name and the number it is kept under in the report: a phone's file name says when it was taken.
            await Assertions.Expect(citizen.Locator("#evidence-sent li")).ToHaveTextAsync([Say.Id("Levy.Sent.EvidenceItem", 1, "Screenshot_WhatsApp.png")]);
            await Assertions.Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Levy.Sent.Guest"));
            // Sent once: the form is gone, so a worried reporter does not send it again; another report is a link away.
            await Assertions.Expect(citizen.Locator("form textarea")).ToHaveCountAsync(0);
            await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { Name = Say.Id("Levy.Sent.Another"), Exact = true })).ToBeVisibleAsync();
            // The number and the secret code, shown this once, read the answer later without an account.
            number = await citizen.Locator("#nomor-laporan").InnerTextAsync();
            code = await citizen.Locator("#kode-rahasia").InnerTextAsync();
            Assert.Matches("^PL-[0-9A-Z]{4}-[0-9A-Z]{4}$", number);
            Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}$", code);
            // Nothing on the page loads it again without the code (no language switch); once written down, the way on.
            await Assertions.Expect(citizen.Locator(".govuk-language-navigation")).ToHaveCountAsync(0);
            await Assertions.Expect(citizen.Locator("#code-written a")).ToHaveAttributeAsync("href", "/lapor/cek");
            await ReadablePagesTests.ReadHereAsync(citizen, "report-levy-sent", "id", problems);
        });

        var officer = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(officer, async () =>
        {
            await SignInAsync(officer, Roles.Officer);
            Assert.Equal(403, (await officer.GotoAsync("/inspektorat"))!.Status);
        });

        var inspector = await portal.NewPageAsync();
        await BrowserPortal.StepsAsync(inspector, async () =>
        {
            // The inspectorate's start is its list, the unanswered first.
            await SignInAsync(inspector, Roles.Inspector);
            await Assertions.Expect(inspector.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Inspectorate.Title"));
            Assert.EndsWith("/inspektorat", new Uri(inspector.Url).AbsolutePath, StringComparison.Ordinal);
            var card = inspector.Locator(".govuk-summary-card").Filter(new() { HasText = shown });
            await Assertions.Expect(card).ToContainTextAsync(Say.Id("Levy.Status.Received"));
            await Assertions.Expect(card).ToContainTextAsync(Say.Id("Inspectorate.Waiting.Today"));
            await Assertions.Expect(card).ToContainTextAsync(what);
            await Assertions.Expect(card.Locator(".govuk-summary-card__title")).ToContainTextAsync(new Regex("^PL-[0-9A-Z]{4}-[0-9A-Z]{4}"));
            await ReadablePagesTests.ReadHereAsync(inspector, "inspectorate", "id", problems);

            // A number cited on the phone finds the report, typed as heard.
            await inspector.GetByLabel(Say.Id("Inspectorate.Find"), new() { Exact = true }).FillAsync(number.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant());
            await inspector.GetByRole(AriaRole.Button, new() { Name = Say.Id("Inspectorate.Find.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(inspector.Locator(".govuk-summary-card")).ToHaveCountAsync(1);
            await inspector.Locator(".govuk-summary-card").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(Say.Id("Inspectorate.Open"))) }).ClickAsync();
            await Assertions.Expect(inspector.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Inspectorate.Report.Title"));
            await Assertions.Expect(inspector.Locator("main")).ToContainTextAsync("0812 3456 7890");
            await Assertions.Expect(inspector.Locator("main")).ToContainTextAsync(Say.Id("Inspectorate.Reporter.Guest"));
            await Assertions.Expect(inspector.Locator("main")).ToContainTextAsync(Say.Id("Inspectorate.Openings"));
            await Assertions.Expect(inspector.Locator("main ul.govuk-list--bullet li").First).ToContainTextAsync("@example.com");
            // The screenshot, opened as it was sent; the opening kept with the others.
            var evidence = inspector.GetByRole(AriaRole.Link, new() { Name = Say.Id("Inspectorate.Evidence.OpenPhoto", "bukti-1.png"), Exact = true });
            var opened = await inspector.Context.APIRequest.GetAsync((await evidence.GetAttributeAsync("href"))!);
            Assert.Equal(200, opened.Status);
            Assert.Equal("image/png", opened.Headers["content-type"]);
            Assert.Equal(screenshotBytes, await opened.BodyAsync());
            // A note for the inspectorate alone first: it names who, which the reporter never reads.
            await inspector.GetByLabel(Say.Id("Inspectorate.Note.Label"), new() { Exact = true }).FillAsync("Diduga petugas loket 3; sudah ditanyai.");
            await inspector.GetByRole(AriaRole.Button, new() { Name = Say.Id("Inspectorate.Note.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(inspector.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Inspectorate.Noted"));
            await Assertions.Expect(inspector.Locator("main")).ToContainTextAsync(Say.Id("Inspectorate.Openings.File", "bukti-1.png"));
            await Assertions.Expect(inspector.Locator(".govuk-inset-text")).ToContainTextAsync(Say.Id("Inspectorate.Note.Tag"));
            await Assertions.Expect(inspector.Locator("#protect-reporter")).ToContainTextAsync(Say.Id("Inspectorate.Protect"));
            await ReadablePagesTests.ReadHereAsync(inspector, "inspectorate-report", "id", problems);
            await inspector.GetByLabel(Say.Id("Inspectorate.Answer.Closed"), new() { Exact = true }).CheckAsync();
            await inspector.GetByLabel(Say.Id("Inspectorate.Answer.Message"), new() { Exact = true }).FillAsync("Petugas kelurahan itu sudah diperiksa.");
            await inspector.GetByRole(AriaRole.Button, new() { Name = Say.Id("Inspectorate.Answer.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(inspector.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Inspectorate.Answered.Guest"));
            await Assertions.Expect(inspector.Locator(".govuk-inset-text").Last).ToContainTextAsync("Petugas kelurahan itu sudah diperiksa.");
            await Assertions.Expect(inspector.Locator("main .govuk-tag").First).ToHaveTextAsync(Say.Id("Levy.Status.Closed"));
        });

        await BrowserPortal.StepsAsync(citizen, async () =>
        {
            // Back later, on any phone: the number and the code open the answer.
            await citizen.GotoAsync("/lapor");
            await citizen.GetByRole(AriaRole.Link, new() { Name = Say.Id("Levy.Check.Link"), Exact = true }).ClickAsync();
            await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say.Id("Levy.Check.Title"));
            await Assertions.Expect(citizen.Locator("#check-lost")).ToContainTextAsync(Say.Id("Levy.Check.Lost"));
            await ReadablePagesTests.ReadHereAsync(citizen, "report-levy-check-form", "id", problems);
            await citizen.GetByLabel(Say.Id("Levy.Check.Number"), new() { Exact = true }).FillAsync(number.ToLowerInvariant());
            await citizen.GetByLabel(Say.Id("Levy.Check.Code"), new() { Exact = true }).FillAsync(code);
            await citizen.GetByRole(AriaRole.Button, new() { Name = Say.Id("Levy.Check.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(citizen.Locator(".govuk-inset-text")).ToContainTextAsync("Petugas kelurahan itu sudah diperiksa.");
            await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync("loket 3");
            // The reporter reads which files went with the report, not a way to open them.
            await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("bukti-1.png (2\u00a0MB)");
            await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("bukti-1") })).ToHaveCountAsync(0);
            await Assertions.Expect(citizen.Locator("main .govuk-tag")).ToHaveTextAsync(Say.Id("Levy.Status.Closed"));
            // What the reporter remembered since goes to the inspectorate from the same page.
            await citizen.GetByLabel(Say.Id("Levy.Add.Label"), new() { Exact = true }).FillAsync("Orang itu memakai seragam dinas cokelat.");
            await citizen.GetByRole(AriaRole.Button, new() { Name = Say.Id("Levy.Add.Button"), Exact = true }).ClickAsync();
            await Assertions.Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Levy.Add.Done.Guest"));
            await Assertions.Expect(citizen.Locator(".govuk-inset-text").Last).ToContainTextAsync("Orang itu memakai seragam dinas cokelat.");
            // Not "not answered yet" above the answer: the inspectorate has yet to answer what was added.
            await Assertions.Expect(citizen.Locator("main .govuk-tag")).ToHaveTextAsync(Say.Id("Levy.Status.ReceivedAgain"));
            await ReadablePagesTests.ReadHereAsync(citizen, "report-levy-check", "id", problems);
        });

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task AnApplicantSignedIn_MayReportWithNoLinkToTheirAccount_AndReadsTheAnswerByNumberAndCode()
    {
        using var applicant = await Accounts.CreateAsync(portal.Factory, Roles.Applicant);
        var page = await portal.NewPageAsync();
        string number = string.Empty;
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await page.GotoAsync("/akun/masuk");
            await new Applicant(portal, page).SignInAsync(applicant.Email);
            await page.GotoAsync("/lapor");
            ILocator Field(string key) => page.GetByLabel(Say.Id(key), new() { Exact = true });

            // Kept with the account only when the reporter chooses it: whoever else signs in to the account (a helper,
            // the very broker reported) would read it there. Nothing is chosen for them, and nothing goes unchosen.
            await Assertions.Expect(Field("Levy.Keep.Account")).Not.ToBeCheckedAsync();
            await Assertions.Expect(Field("Levy.Keep.Without")).Not.ToBeCheckedAsync();
            await Field("Levy.Field.What").FillAsync($"Petugas meminta uang rokok supaya izin saya cepat keluar (loket {Random.Shared.Next(1_000_000, 10_000_000)}).");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Levy.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#KeepWith-error")).ToContainTextAsync(Say.Id("Levy.Keep.Required"));
            await Field("Levy.Keep.Without").CheckAsync();
            // What only a report kept with the account carries (who the reporter is) is not dropped unsaid: asked to choose.
            await Field("Levy.Share.Label").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Levy.Send"), Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#KeepWith-error")).ToContainTextAsync(Say.Id("Levy.Keep.Without.Conflict", Say.Id("Levy.Field.Application.None")));
            await Assertions.Expect(Field("Levy.Keep.Without")).ToBeCheckedAsync();
            await Field("Levy.Share.Label").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Levy.Send"), Exact = true }).ClickAsync();

            // Answered as anyone not signed in is: the number and the secret code, to read the answer without the account.
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say.Id("Levy.Sent.Guest"));
            await Assertions.Expect(page.Locator("#kode-rahasia")).ToBeVisibleAsync();
            number = await page.Locator("#nomor-laporan").InnerTextAsync();
            await page.GotoAsync("/lapor");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(number);
        });

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().LevyReports.AsNoTracking().SingleAsync(r => r.Number == number);
        Assert.Null(report.ReporterId);
        Assert.Null(report.ApplicationId);
    }

    private Task SignInAsync(IPage page, string role, string language = "id") => StaffSignIn.SignInAsync(portal, page, role, language);
}
