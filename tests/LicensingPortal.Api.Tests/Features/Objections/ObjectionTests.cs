using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Objections;

/// <summary>
/// An owner objects in writing to a refusal (keberatan), once and in time; a licensing officer answers, once; the
/// owner reads the answer on the API, in the inbox and by e-mail; the log records both, and no decision changes.
/// </summary>
public abstract class ObjectionTests(Portal portal)
{
    private const string Declaration = "PERNYATAAN-KEBENARAN-DATA";

    [Fact]
    public async Task AnOwnerObjects_AnOfficerAnswersOnce_AndTheOwnerReadsTheAnswer_InTheInboxAndByEmail()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var email = $"objection-{Accounts.Unique()}@example.com";
        var name = $"Kios Objection {Accounts.Unique()[..6]}";
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name) with { Email = email });
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()) with { Declarations = [] });
        var decidedOn = refused.Decision!.DecidedAt;

        var before = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!;
        Assert.Null(before.Objection);
        Assert.True(before.CanObject);
        var calendar = await Calendars.PublishedAsync(applicant.Client);
        Assert.Equal(global::LicensingPortal.Api.Domain.Objection.LastDayToFile(decidedOn, calendar), before.LastDayToObject);
        Assert.Contains(before.FailedRequirements, r => r.Id == Declaration && r.Title.Length > 0 && r.Title != Declaration);

        var filed = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Saya sudah mencentang pernyataan itu di HP, tetapi sistem tidak menyimpannya.", [Declaration]), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var sent = (await filed.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!;
        var objection = sent.Objection!;
        Assert.False(sent.CanObject);
        Assert.Equal([Declaration], objection.Requirements.Select(r => r.Id));
        var today = global::LicensingPortal.Api.Domain.Wita.DateOf(objection.FiledAt);
        Assert.Equal(calendar.AddWorkingDays(today, 10), objection.AnswerDueOn);
        Assert.Null(objection.Outcome);
        Assert.False(objection.Late);

        // One objection an application, even sent again.
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Sekali lagi: pernyataan itu sudah saya centang."), TestJson.Options), HttpStatusCode.Conflict, "objection_exists");

        var waiting = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!;
        var item = Assert.Single(waiting.Items, i => i.Id == objection.Id);
        Assert.Equal((refused.Id, null, name), (item.ApplicationId, item.Outcome, item.BusinessName));
        var opened = (await officer.Client.GetFromJsonAsync<OpenObjection.Response>($"/api/audit/objections/{objection.Id}", TestJson.Options))!;
        Assert.Equal("Saya sudah mencentang pernyataan itu di HP, tetapi sistem tidak menyimpannya.", opened.Objection.Reason);
        Assert.Equal(refused.Decision.FailedRequirements.Count, opened.FailedRequirements.Count);

        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new { answer = "Pendek." }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        const string Answer = "Pernyataan tidak tercentang pada permohonan yang Anda kirim. Centang pernyataan, lalu kirim lagi.";
        var answered = await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, Answer), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var read = (await answered.Content.ReadFromJsonAsync<OpenObjection.Response>(TestJson.Options))!;
        Assert.Equal((global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, Answer, officer.Email), (read.Objection.Outcome, read.Objection.Answer, read.AnsweredBy));
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, "Maaf, jawaban kedua ini tidak boleh tersimpan."), TestJson.Options), HttpStatusCode.Conflict, "objection_answered");

        var after = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!;
        Assert.Equal((global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, Answer), (after.Objection!.Outcome, after.Objection.Answer));
        // The refusal stood: an appeal to the mayor may follow, until its last day.
        Assert.True(after.CanAppeal(global::LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow)));
        Assert.True(after.CanAppeal(after.AppealTakenUntil!.Value));
        Assert.False(after.CanAppeal(after.AppealTakenUntil.Value.AddDays(1)));
        var mine = (await applicant.Client.GetFromJsonAsync<List<ObjectionView>>("/api/me/objections", TestJson.Options))!;
        Assert.Equal([(objection.Id, Answer)], mine.Select(o => (o.Id, o.Answer)));
        var answeredList = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections?answered=true", TestJson.Options))!;
        Assert.Contains(answeredList.Items, i => i.Id == objection.Id && i.Outcome == global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands);
        var afterAnswer = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!;
        Assert.DoesNotContain(afterAnswer.Items, i => i.Id == objection.Id);
        Assert.Equal(waiting.Waiting - 1, afterAnswer.Waiting);

        // The answer changes no decision.
        var still = await applicant.Client.GetFromJsonAsync<JsonElement>($"/api/applications/{refused.Id}");
        Assert.Equal("rejected", still.GetProperty("decision").GetProperty("outcome").GetString());

        await portal.DeliveriesSettledAsync();
        var inbox = await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications");
        var notice = inbox.EnumerateArray().Single(n => n.GetProperty("type").GetString() == "objection-answered");
        Assert.Contains(Answer, notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        // The inbox, the e-mail and the webhook say one last day to appeal, worked out once when the answer was given.
        var appealBy = Say.Id("Objection.Appeal", after.LastDayToAppeal!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")));
        Assert.Contains(appealBy, notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        // A receipt first (the owner's proof of the day), then the answer, each with the way to the objection's page.
        var receipt = inbox.EnumerateArray().Single(n => n.GetProperty("type").GetString() == "objection-received");
        Assert.Contains(global::LicensingPortal.Api.Domain.ApplicationReference.Of(refused.Id), receipt.GetProperty("body").GetString(), StringComparison.Ordinal);
        var mails = await Mailbox.MessagesToAsync(portal.DataDirectory, email);
        var mail = Assert.Single(mails, m => m.Subject == Say.Id("Notice.ObjectionAnswered.Stands.Title", name));
        Assert.Contains(Answer, mail.TextBody!, StringComparison.Ordinal);
        // The refusal stands: the owner reads the appeal to the mayor there is, and its last day.
        Assert.Contains(appealBy, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/pemohon/permohonan/{refused.Id}/keberatan", mail.TextBody, StringComparison.Ordinal);
        var received = Assert.Single(mails, m => m.Subject == Say.Id("Notice.ObjectionReceived.Title", name));
        Assert.Contains(objection.AnswerDueOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), received.TextBody!, StringComparison.Ordinal);
        // The refusal's own e-mail told the right to object and its last day.
        var lastDay = before.LastDayToObject!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        Assert.Contains(mails, m => m.TextBody!.Contains(Say.Id("Email.Decision.Object", lastDay), StringComparison.Ordinal));

        // Both steps are on the record the officers read, and the log still verifies against the stored objection.
        var trace = await officer.Client.GetFromJsonAsync<JsonElement>($"/api/audit/decisions/{refused.Id}");
        Assert.Equal(objection.Id, trace.GetProperty("objectionId").GetGuid());
        var types = trace.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("objection-filed", types);
        Assert.Contains("objection-answered", types);
        await portal.LogIntegratedAsync();
        var report = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        Assert.True(report!.Valid, report.Problem);

        // An answer changed afterwards in the database no longer matches what the log holds.
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE objections SET answer = 'Keberatan dikabulkan.' WHERE id = {0}", objection.Id);
        }

        var tampered = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE objections SET answer = {0} WHERE id = {1}", Answer, objection.Id);
        }

        Assert.False(tampered!.Valid);
        Assert.Contains("objection-answered", tampered.Problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// The refusal stood on objection: the owner appeals to the mayor, in writing, once and in time (not before the
    /// answer, not twice, not after ten working days, never another's); only the mayor's office lists, opens and answers
    /// appeals, once; the owner reads the answer on the API, in the inbox and by e-mail; the log records both steps and
    /// still verifies, and no decision changes.
    /// </summary>
    [Fact]
    public async Task WhenTheRefusalStands_TheOwnerAppealsToTheMayor_OnceAndInTime_AndTheMayorsOfficeAnswersOnce()
    {
        using var applicant = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var email = $"appeal-{Accounts.Unique()}@example.com";
        var name = $"Kios Appeal {Accounts.Unique()[..6]}";
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name) with { Email = email });
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()) with { Declarations = [] });
        var path = $"/api/applications/{refused.Id}/objection";
        const string Why = "Pernyataan sudah saya centang dua kali; petugas tidak memeriksa tangkapan layar saya.";
        var objection = (await (await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Saya sudah mencentang pernyataan itu di HP."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;

        // Not before the officer's answer.
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request(Why), TestJson.Options), HttpStatusCode.Conflict, "appeal_not_allowed");
        var answered = await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Pernyataan tidak tercentang pada permohonan yang Anda kirim."), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // Words are needed; another applicant's application is not found.
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request("Salah."), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await other.Client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request(Why), TestJson.Options), HttpStatusCode.NotFound, "application_not_found");

        var sent = await applicant.Client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request(Why), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var state = (await sent.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!;
        var appeal = state.Objection!.Appeal!;
        var calendar = await Calendars.PublishedAsync(applicant.Client);
        Assert.Equal((Why, calendar.AddWorkingDays(global::LicensingPortal.Api.Domain.Wita.DateOf(appeal.FiledAt), 10), (global::LicensingPortal.Api.Domain.ObjectionOutcome?)null), (appeal.Reason, appeal.AnswerDueOn, appeal.Outcome));
        Assert.False(state.CanAppeal(global::LicensingPortal.Api.Domain.Wita.DateOf(appeal.FiledAt)));
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request("Sekali lagi: saya tetap tidak setuju dengan jawaban itu."), TestJson.Options), HttpStatusCode.Conflict, "appeal_exists");

        // The mayor's office alone lists, opens and answers appeals: not the officers, not an administrator.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync("/api/appeals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.GetAsync($"/api/appeals/{objection.Id}")).StatusCode);
        var waiting = (await mayor.Client.GetFromJsonAsync<ListObjections.Response>("/api/appeals", TestJson.Options))!;
        var item = Assert.Single(waiting.Items, i => i.Id == objection.Id);
        Assert.Equal((name, appeal.AnswerDueOn, (global::LicensingPortal.Api.Domain.ObjectionOutcome?)null), (item.BusinessName, item.AnswerDueOn, item.Outcome));
        var opened = (await mayor.Client.GetFromJsonAsync<OpenObjection.Response>($"/api/appeals/{objection.Id}", TestJson.Options))!;
        Assert.Equal((Why, officer.Email), (opened.Objection.Appeal!.Reason, opened.AnsweredBy));
        await Problems.AssertAsync(await mayor.Client.GetAsync($"/api/appeals/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "appeal_not_found");

        await Problems.AssertAsync(await mayor.Client.PostAsJsonAsync($"/api/appeals/{objection.Id}/answer", new { answer = "Pendek." }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");

        // Left unanswered past its day, the law grants it: the officers' list names it so (read on a clock moved there).
        await using (var later = portal.Create(time: new FakeTimeProvider(global::LicensingPortal.Api.Domain.Wita.StartOf(appeal.AnswerDueOn.AddDays(1)).AddHours(9))))
        {
            await using var scope = later.Services.CreateAsyncScope();
            var list = (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new ListObjections.Query(Answered: false, Take: 0))).Value;
            Assert.Contains(list.Granted!, g => g.ObjectionId == objection.Id && g.Deemed);
        }

        const string Answer = "Tangkapan layar Anda menunjukkan pernyataan tercentang; kantor perizinan memperbaiki penyimpanannya hari ini. Kirim lagi besok.";
        var grantedBefore = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!.AppealsGranted;
        var decided = await mayor.Client.PostAsJsonAsync($"/api/appeals/{objection.Id}/answer", new AnswerAppeal.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, Answer), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        // Granted, the mistake is the licensing office's to correct: its officers' list says so, until the owner sends again.
        var officers = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections?answered=true", TestJson.Options))!;
        Assert.Equal(grantedBefore + 1, officers.AppealsGranted);
        Assert.Contains(officers.Items, i => i.Id == objection.Id && i.AppealOutcome == global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld);
        Assert.Contains(officers.Granted!, g => g.ObjectionId == objection.Id && g.BusinessName == name && !g.Deemed);
        var read = (await decided.Content.ReadFromJsonAsync<OpenObjection.Response>(TestJson.Options))!;
        Assert.Equal((global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, Answer, mayor.Email), (read.Objection.Appeal!.Outcome, read.Objection.Appeal.Answer, read.AppealAnsweredBy));
        await Problems.AssertAsync(await mayor.Client.PostAsJsonAsync($"/api/appeals/{objection.Id}/answer", new AnswerAppeal.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Jawaban kedua ini tidak boleh tersimpan sama sekali."), TestJson.Options), HttpStatusCode.Conflict, "appeal_answered");
        Assert.DoesNotContain((await mayor.Client.GetFromJsonAsync<ListObjections.Response>("/api/appeals", TestJson.Options))!.Items, i => i.Id == objection.Id);
        Assert.Contains((await mayor.Client.GetFromJsonAsync<ListObjections.Response>("/api/appeals?answered=true", TestJson.Options))!.Items, i => i.Id == objection.Id && i.Outcome == global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld);

        // The owner reads it; the answer changes no decision.
        var after = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!;
        Assert.Equal((global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, Answer), (after.Objection!.Appeal!.Outcome, after.Objection.Appeal.Answer));
        var still = await applicant.Client.GetFromJsonAsync<JsonElement>($"/api/applications/{refused.Id}");
        Assert.Equal("rejected", still.GetProperty("decision").GetProperty("outcome").GetString());

        // A receipt, then the answer: in the inbox and by e-mail, each with the way to the objection's page.
        await portal.DeliveriesSettledAsync();
        var inbox = (await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray().ToList();
        var receipt = inbox.Single(n => n.GetProperty("type").GetString() == "appeal-received");
        Assert.Contains(appeal.AnswerDueOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), receipt.GetProperty("body").GetString(), StringComparison.Ordinal);
        var notice = inbox.Single(n => n.GetProperty("type").GetString() == "appeal-answered");
        Assert.Equal(Say.Id("Notice.AppealAnswered.Upheld.Title", name), notice.GetProperty("title").GetString());
        Assert.Contains(Answer, notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        var mails = await Mailbox.MessagesToAsync(portal.DataDirectory, email);
        var mail = Assert.Single(mails, m => m.Subject == Say.Id("Notice.AppealAnswered.Upheld.Title", name));
        Assert.Contains(Answer, mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains($"/pemohon/permohonan/{refused.Id}/keberatan", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(mails, m => m.Subject == Say.Id("Notice.AppealReceived.Title", name));

        // Both steps are on the case's record, and the log still verifies; an answer changed in the database does not.
        var trace = await officer.Client.GetFromJsonAsync<JsonElement>($"/api/audit/decisions/{refused.Id}");
        var types = trace.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("appeal-filed", types);
        Assert.Contains("appeal-answered", types);
        await portal.LogIntegratedAsync();
        var report = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        Assert.True(report!.Valid, report.Problem);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE objections SET appeal_answer = 'Banding ditolak.' WHERE id = {0}", objection.Id);
        }

        var tampered = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE objections SET appeal_answer = {0} WHERE id = {1}", Answer, objection.Id);
        }

        Assert.False(tampered!.Valid);
        Assert.Contains("appeal-answered", tampered.Problem, StringComparison.Ordinal);

        // Sent again, the granted appeal is no longer the office's to say.
        var again = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/resubmission", Builders.Restaurant(business, await applicant.Client.UploadAsync()), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(grantedBefore, (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!.AppealsGranted);
    }

    /// <summary>
    /// An objection granted by the office is not appealed (nothing to appeal); two appeals sent at once make one (the
    /// other is told it exists), and two answers at once one answer (the other is told).
    /// </summary>
    [Fact]
    public async Task AnAppeal_OnlyAfterTheRefusalStood_AndAtOnce_OneAppealAndOneAnswer()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var first = await portal.StaffAsync(Roles.Mayor);
        using var second = await portal.StaffAsync(Roles.Mayor);
        async Task<(string Path, Guid Objection)> ObjectedAsync(global::LicensingPortal.Api.Domain.ObjectionOutcome outcome)
        {
            var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
            var path = $"/api/applications/{refused.Id}/objection";
            var objection = (await (await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Saya sudah mencentang pernyataan itu di HP."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;
            Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(outcome, "Jawaban petugas atas keberatan ini, dengan alasannya."), TestJson.Options)).StatusCode);
            return (path, objection.Id);
        }

        var (granted, _) = await ObjectedAsync(global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld);
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"{granted}/appeal", new AppealObjection.Request("Saya tetap ingin Wali Kota memeriksanya lagi."), TestJson.Options), HttpStatusCode.Conflict, "appeal_not_allowed");

        var (stands, objectionId) = await ObjectedAsync(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands);
        var sendings = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            applicant.Client.PostAsJsonAsync($"{stands}/appeal", new AppealObjection.Request($"Kiriman ke-{i}: saya tetap tidak setuju dengan jawaban itu."), TestJson.Options)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], sendings.Select(r => r.StatusCode).Order());
        await Problems.AssertAsync(sendings.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "appeal_exists");

        var answers = await Task.WhenAll(new[] { first, second }.Select(mayor =>
            mayor.Client.PostAsJsonAsync($"/api/appeals/{objectionId}/answer", new AnswerAppeal.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, $"Jawaban dari {mayor.Email}: keputusan tetap."), TestJson.Options)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        await Problems.AssertAsync(answers.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "appeal_answered");
        var kept = (await first.Client.GetFromJsonAsync<OpenObjection.Response>($"/api/appeals/{objectionId}", TestJson.Options))!;
        Assert.Equal($"Jawaban dari {kept.AppealAnsweredBy}: keputusan tetap.", kept.Objection.Appeal!.Answer);
    }

    /// <summary>An appeal is taken on its last day and not the day after, and the owner's state says so.</summary>
    [Fact]
    public async Task AnAppeal_IsTakenOnItsLastDay_AndRefusedTheDayAfter()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var path = $"/api/applications/{refused.Id}/objection";
        var objection = (await (await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Saya sudah mencentang pernyataan itu di HP."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Pernyataan tidak tercentang pada permohonan yang Anda kirim."), TestJson.Options)).StatusCode);
        // The last day an appeal is taken (the law's tenth working day, or two weeks later while a year it spans has no
        // holidays set): the day after, refused; that day itself, taken.
        var takenUntil = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!.AppealTakenUntil!.Value;
        async Task<(HttpResponseMessage Sent, GetObjection.Response State)> AppealOnAsync(DateOnly day)
        {
            await using var later = portal.Create(time: new FakeTimeProvider(global::LicensingPortal.Api.Domain.Wita.StartOf(day).AddHours(9)));
            using var client = later.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, applicant.Email, applicant.Password));
            var state = (await client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!;
            return (await client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request("Saya tetap tidak setuju dengan jawaban petugas itu."), TestJson.Options), state);
        }

        var (tooLate, stateThen) = await AppealOnAsync(takenUntil.AddDays(1));
        Assert.False(stateThen.CanAppeal(takenUntil.AddDays(1)));
        await Problems.AssertAsync(tooLate, HttpStatusCode.Conflict, "appeal_too_late");
        Assert.Null((await applicant.Client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!.Objection!.Appeal);
        var (inTime, _) = await AppealOnAsync(takenUntil);
        Assert.Equal(HttpStatusCode.Created, inTime.StatusCode);

        // The host on its own clock runs no job server: the service's own sends the receipt it raised (later tests wait
        // for every notification to be delivered).
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var raised = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages
                .Where(m => m.SubjectId == refused.Id && m.ProcessedAt == null && m.DeadLetteredAt == null).Select(m => m.Id).ToArrayAsync();
            await scope.ServiceProvider.GetRequiredService<global::LicensingPortal.Api.Features.Notifications.DeliverNotification.Job>().RunManyAsync(raised, CancellationToken.None);
        }

        await portal.DeliveriesSettledAsync();
    }

    /// <summary>
    /// An owner attaches their own letter as evidence: another applicant's document or more than five are refused;
    /// the owner and the officer read it with the objection, the officer opens it (kept in their access history), and
    /// the owner cannot delete it while the objection stands on it. The log still verifies.
    /// </summary>
    [Fact]
    public async Task AnObjection_CarriesTheOwnersEvidence_WhichTheOfficerOpens_AndWhichIsKept()
    {
        using var applicant = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var letter = await applicant.Client.UploadAsync("lainnya", fileName: "surat-kelurahan.pdf");
        var someoneElses = await other.Client.UploadAsync("lainnya", fileName: "surat-orang-lain.pdf");
        var path = $"/api/applications/{refused.Id}/objection";
        const string Reason = "Surat kelurahan terlampir: lokasi saya di zona perdagangan.";

        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request(Reason, Documents: [someoneElses]), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request(Reason, Documents: [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())]), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Null((await applicant.Client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!.Objection);

        var filed = await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request(Reason, Documents: [letter]), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var objection = (await filed.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;
        Assert.Equal([(letter, "lainnya", "surat-kelurahan.pdf")], objection.Evidence.Select(e => (e.Id, e.Kind, e.FileName)));

        var opened = (await officer.Client.GetFromJsonAsync<OpenObjection.Response>($"/api/audit/objections/{objection.Id}", TestJson.Options))!;
        Assert.Equal([letter], opened.Objection.Evidence.Select(e => e.Id));
        using var file = await officer.Client.GetAsync($"/api/audit/decisions/{refused.Id}/documents/{letter}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Builders.Pdf, await file.Content.ReadAsByteArrayAsync());
        var views = await officer.Client.GetFromJsonAsync<JsonElement>("/api/audit/document-views");
        Assert.Contains(views.EnumerateArray(), v => v.GetProperty("documentId").GetGuid() == letter && v.GetProperty("applicationId").GetGuid() == refused.Id);
        // A document attached to neither the application nor its objection is not found, and no reading is kept.
        await Problems.AssertAsync(await officer.Client.GetAsync($"/api/audit/decisions/{refused.Id}/documents/{someoneElses}"), HttpStatusCode.NotFound, "document_not_found");

        await Problems.AssertAsync(await applicant.Client.DeleteAsync($"/api/documents/{letter}"), HttpStatusCode.Conflict, "document_in_use");
        var listed = await applicant.Client.GetFromJsonAsync<JsonElement>("/api/documents");
        Assert.True(listed.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == letter).GetProperty("attached").GetBoolean());
        var mine = (await applicant.Client.GetFromJsonAsync<List<ObjectionView>>("/api/me/objections", TestJson.Options))!;
        Assert.Equal([letter], mine.Single().Evidence.Select(e => e.Id));

        await portal.LogIntegratedAsync();
        var report = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        Assert.True(report!.Valid, report.Problem);
    }

    /// <summary>Two sendings of an objection at once make one (the other is told it exists); two officers answering at once, one answer (the other is told).</summary>
    [Fact]
    public async Task AtOnce_TwoSendingsMakeOneObjection_AndTwoAnswersOneAnswer()
    {
        using var applicant = await portal.ApplicantAsync();
        using var first = await portal.StaffAsync(Roles.Officer);
        using var second = await portal.StaffAsync(Roles.Officer);
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });

        var sendings = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request($"Kiriman ke-{i}: pernyataan sudah saya centang."), TestJson.Options)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], sendings.Select(r => r.StatusCode).Order());
        await Problems.AssertAsync(sendings.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "objection_exists");
        var objection = (await sendings.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;

        var answers = await Task.WhenAll(new[] { first, second }.Select(officer =>
            officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, $"Jawaban dari {officer.Email}: keputusan tetap."), TestJson.Options)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        await Problems.AssertAsync(answers.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "objection_answered");
        var winner = (await answers.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<OpenObjection.Response>(TestJson.Options))!;
        var stored = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!.Objection!;
        Assert.Equal(winner.Objection.Answer, stored.Answer);
        var inbox = await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications");
        Assert.Single(inbox.EnumerateArray(), n => n.GetProperty("type").GetString() == "objection-answered");
    }

    [Fact]
    public async Task AnObjection_NamesOnlyTheRefusalsFailures_NeedsAReason_AndIsOnlyForTheOwnersRefusals()
    {
        using var applicant = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        var (business, ktp) = await applicant.Client.PrepareRestaurantAsync();
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, ktp) with { Declarations = [] });
        var approved = await applicant.Client.SubmitAsync(Builders.Restaurant(business, ktp));
        var path = $"/api/applications/{refused.Id}/objection";

        var shortReason = await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Salah."), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(shortReason.Extensions.ContainsKey("errors"));
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Persyaratan ini tidak pernah ada di permohonan saya.", ["LOKASI-SESUAI-ZONA-TIDAK-ADA"]), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"/api/applications/{approved.Id}/objection", new FileObjection.Request("Saya keberatan walaupun sudah disetujui."), TestJson.Options), HttpStatusCode.Conflict, "objection_not_refused");
        var approvedState = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{approved.Id}/objection", TestJson.Options))!;
        Assert.Equal((false, (DateOnly?)null), (approvedState.CanObject, approvedState.LastDayToObject));

        // Another applicant's refusal is not found, to read or to object to.
        await Problems.AssertAsync(await other.Client.GetAsync(path), HttpStatusCode.NotFound, "application_not_found");
        await Problems.AssertAsync(await other.Client.PostAsJsonAsync(path, new FileObjection.Request("Saya pemilik lain yang mencoba keberatan."), TestJson.Options), HttpStatusCode.NotFound, "application_not_found");
        Assert.Null((await applicant.Client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!.Objection);

        // An officer finds no objection by a wrong id; an applicant cannot reach the officers' list.
        using var officer = await portal.StaffAsync(Roles.Officer);
        await Problems.AssertAsync(await officer.Client.GetAsync($"/api/audit/objections/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "objection_not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync("/api/audit/objections")).StatusCode);
    }

    [Fact]
    public async Task AnObjection_AfterTheLawsTimeAndTheHolidayMargin_IsRefused_AndTheStateSaysSo()
    {
        using var applicant = await portal.ApplicantAsync();
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });

        // Fifty days on: more than 21 working days and the two weeks' margin.
        await using var later = portal.Create(time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(50)));
        using var client = later.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, applicant.Email, applicant.Password));

        var state = (await client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!;
        Assert.False(state.CanObject);
        Assert.Equal(global::LicensingPortal.Api.Domain.Objection.LastDayToFile(refused.Decision!.DecidedAt, await Calendars.PublishedAsync(client)), state.LastDayToObject);
        await Problems.AssertAsync(await client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Saya baru sempat menulis keberatan sekarang."), TestJson.Options), HttpStatusCode.Conflict, "objection_too_late");
        Assert.Null((await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!.Objection);
    }

    /// <summary>The public statistics count the month's objections, how many were answered, in time, granted, and none of what they say.</summary>
    [Fact]
    public async Task PublicStatistics_CountTheMonthsObjections_AnsweredInTimeAndGranted_NothingOfWhatTheySay()
    {
        var month = global::LicensingPortal.Api.Domain.Wita.Today(TimeProvider.System).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        // The statistics are cached for five minutes by language: each read names its language differently, so each is fresh.
        async Task<(ShowPublicStatistics.ObjectionCounts Counts, ShowPublicStatistics.ObjectionCounts Appeals, string Json)> ReadAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/statistics?month={month}") { Headers = { { "Accept-Language", language } } };
            var json = await (await portal.Client.SendAsync(request)).Content.ReadAsStringAsync();
            var read = JsonSerializer.Deserialize<ShowPublicStatistics.Response>(json, TestJson.Options)!;
            return (read.Objections!, read.Appeals!, json);
        }

        var (before, appealsBefore, _) = await ReadAsync("id-ID, id;q=0.9");
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        const string Secret = "Menurut peta tata ruang, jalan kami adalah zona perdagangan.";
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
            var filed = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request(Secret), TestJson.Options);
            ids.Add((await filed.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!.Id);
        }

        var granted = await officer.Client.PostAsJsonAsync($"/api/audit/objections/{ids[0]}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, "Peta zona sudah kami perbaiki; silakan kirim lagi."), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

        // The other stood, was appealed, and the mayor's office granted the appeal.
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/objections/{ids[1]}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Peta zona menunjukkan perumahan; keputusan tetap."), TestJson.Options)).StatusCode);
        var application = (await applicant.Client.GetFromJsonAsync<List<ObjectionView>>("/api/me/objections", TestJson.Options))!.Single(o => o.Id == ids[1]).ApplicationId;
        Assert.Equal(HttpStatusCode.Created, (await applicant.Client.PostAsJsonAsync($"/api/applications/{application}/objection/appeal", new AppealObjection.Request("Surat lurah menyatakan jalan kami zona perdagangan."), TestJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mayor.Client.PostAsJsonAsync($"/api/appeals/{ids[1]}/answer", new AnswerAppeal.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, "Peta zona salah; kantor perizinan memperbaikinya minggu ini."), TestJson.Options)).StatusCode);

        var (after, appealsAfter, json) = await ReadAsync("id-ID, id;q=0.8");

        Assert.Equal(new ShowPublicStatistics.ObjectionCounts(before.Filed + 2, before.Answered + 2, before.AnsweredInTime + 2, before.Upheld + 1, before.Overdue), after);
        Assert.Equal(new ShowPublicStatistics.ObjectionCounts(appealsBefore.Filed + 1, appealsBefore.Answered + 1, appealsBefore.AnsweredInTime + 1, appealsBefore.Upheld + 1, appealsBefore.Overdue), appealsAfter);
        Assert.DoesNotContain("tata ruang", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Surat lurah", json, StringComparison.Ordinal);
    }

    /// <summary>
    /// The mayor's office sees where applicants stop: new applications begun on the pages, sent, or stopped after a
    /// question (a correction's draft, which starts with every answer, is none of them); a new application refused
    /// the first time, corrected, refused again and approved in the end; one refused and never sent again; objections.
    /// </summary>
    [Fact]
    public async Task TheMayorsOffice_SeesWhereApplicantsStop()
    {
        var today = global::LicensingPortal.Api.Domain.Wita.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        async Task<Dictionary<string, long>> ReadAsync() =>
            (await mayor.Client.GetFromJsonAsync<List<ReportStops.Stop>>($"/api/reports/stops?from={today}&to={today}", TestJson.Options))!
                .ToDictionary(s => s.Stage == "stopped-at" ? $"stopped-at:{s.Step ?? "-"}" : s.Stage, s => s.Count);
        var before = await ReadAsync();
        long Before(string key) => before.GetValueOrDefault(key);

        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        async Task<Guid> DraftAsync(object start)
        {
            var started = await applicant.Client.PostAsJsonAsync("/api/applications/drafts", start, TestJson.Options);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        async Task AnswerAsync(Guid draft, params string[] steps)
        {
            foreach (var step in steps)
            {
                var saved = await applicant.Client.PutAsJsonAsync($"/api/applications/drafts/{draft}/answers/{step}", request, TestJson.Options);
                Assert.True(saved.IsSuccessStatusCode, $"{step}: {await saved.Content.ReadAsStringAsync()}");
            }
        }

        // Begun and sent; begun and left after the activities; begun and left before any question.
        var sent = await DraftAsync(new { });
        await AnswerAsync(sent, [.. global::LicensingPortal.Api.Features.Applications.ApplicationSteps.All]);
        Assert.Equal(HttpStatusCode.Created, (await applicant.Client.PostAsync($"/api/applications/drafts/{sent}/submission", null)).StatusCode);
        await AnswerAsync(await DraftAsync(new { }), "usaha", "kegiatan");
        await DraftAsync(new { });

        // Refused, corrected and refused again, corrected and approved; refused and left with an objection.
        var first = await applicant.Client.SubmitAsync(request with { Declarations = [] });
        var second = await applicant.Client.PostAsJsonAsync($"/api/applications/{first.Id}/resubmission", request with { Declarations = [], Employees = 6 }, TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await applicant.Client.PostAsJsonAsync($"/api/applications/{secondId}/resubmission", request, TestJson.Options)).StatusCode);
        var left = await applicant.Client.SubmitAsync(request with { Declarations = [] });
        var objected = await applicant.Client.PostAsJsonAsync($"/api/applications/{left.Id}/objection", new FileObjection.Request("Pernyataan itu sudah saya centang di HP."), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, objected.StatusCode);
        // Its refusal stood, was appealed, and the mayor's office granted the appeal.
        var objectionId = (await objected.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!.Id;
        using (var officer = await portal.StaffAsync(Roles.Officer))
        {
            Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objectionId}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Pernyataan tidak tercentang pada permohonan ini."), TestJson.Options)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await applicant.Client.PostAsJsonAsync($"/api/applications/{left.Id}/objection/appeal", new AppealObjection.Request("Saya tetap tidak setuju dengan jawaban itu."), TestJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mayor.Client.PostAsJsonAsync($"/api/appeals/{objectionId}/answer", new AnswerAppeal.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, "Isian Anda tidak tersimpan karena kesalahan sistem."), TestJson.Options)).StatusCode);
        // A correction's draft (every answer given) is no new application begun.
        await DraftAsync(new { corrects = left.Id });

        var after = await ReadAsync();

        Assert.Equal(Before("drafts-started") + 3, after["drafts-started"]);
        Assert.Equal(Before("drafts-sent") + 1, after["drafts-sent"]);
        Assert.Equal(Before("stopped-at:kegiatan") + 1, after["stopped-at:kegiatan"]);
        Assert.Equal(Before("stopped-at:-") + 1, after["stopped-at:-"]);
        Assert.Equal(Before("stopped-at:pernyataan"), after.GetValueOrDefault("stopped-at:pernyataan"));
        Assert.Equal(Before("refused") + 2, after["refused"]);
        Assert.Equal(Before("refused-sent-again") + 1, after["refused-sent-again"]);
        Assert.Equal(Before("refused-approved-after") + 1, after["refused-approved-after"]);
        Assert.Equal(Before("refused-not-sent-again") + 1, after["refused-not-sent-again"]);
        Assert.Equal(Before("objections") + 1, after["objections"]);
        Assert.Equal(Before("objections-granted"), after["objections-granted"]);
        Assert.Equal(Before("objections-stands") + 1, after["objections-stands"]);
        Assert.Equal(Before("objections-appealed") + 1, after["objections-appealed"]);
        Assert.Equal(Before("objections-appeal-granted") + 1, after["objections-appeal-granted"]);
        Assert.Equal(Before("objections-waiting"), after["objections-waiting"]);
        Assert.Equal(Before("objections-late"), after["objections-late"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync($"/api/reports/stops?from={today}&to={today}")).StatusCode);
    }

    /// <summary>An objection not answered by its day is late: on the officers' list, in their count, and to its owner.</summary>
    [Fact]
    public async Task AnObjectionUnansweredPastItsDay_IsLate_ForTheOfficersAndTheOwner()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var filed = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Pernyataan itu sudah saya centang di HP."), TestJson.Options);
        var objection = (await filed.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;
        var now = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!;
        Assert.False(Assert.Single(now.Items, i => i.Id == objection.Id).Late);

        // Fifteen days on: past ten working days, whatever the weekday today.
        await using var later = portal.Create(time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(15)));
        using var officers = later.CreateClient();
        officers.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(officers, officer.Email, officer.Password, officer.AuthenticatorKey));
        using var owner = later.CreateClient();
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(owner, applicant.Email, applicant.Password));

        var list = (await officers.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!;
        Assert.True(Assert.Single(list.Items, i => i.Id == objection.Id).Late);
        Assert.Equal(now.Waiting, list.Late);
        Assert.True((await owner.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!.Objection!.Late);
    }

    /// <summary>
    /// Past fifty waiting objections the officers' list goes on to a second page: every one is on exactly one page, in
    /// the same order, and the pages are counted; a page that is not a number of one is a clear 400.
    /// </summary>
    [Fact]
    public async Task TheOfficersList_PagesPastFifty_EveryObjectionOnOnePage()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var waiting = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!.Waiting;
        var request = await applicant.Client.RestaurantAsync() with { Declarations = [] };
        var made = new List<Guid>();
        try
        {
            for (var i = waiting; i < ListObjections.PageSize + 3; i++)
            {
                var refused = await applicant.Client.SubmitAsync(request);
                var filed = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Pernyataan sudah saya centang, tetapi tidak tersimpan."), TestJson.Options);
                Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
                made.Add((await filed.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!.Id);
            }

            await ReadEveryPageAsync(officer);
        }
        finally
        {
            // Answered at the end, so the other tests of the class find their own objections on the list's first page
            // and in the officers' morning reminder (which names twenty at most).
            foreach (var id in made)
            {
                await officer.Client.PostAsJsonAsync($"/api/audit/objections/{id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Pernyataan tidak tercentang. Centang pernyataan, lalu kirim lagi."), TestJson.Options);
            }
        }
    }

    private static async Task ReadEveryPageAsync(Account officer)
    {
        var first = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!;
        var second = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections?page=2", TestJson.Options))!;
        var expectedPages = (first.Waiting + ListObjections.PageSize - 1) / ListObjections.PageSize;
        Assert.True(first.Waiting > ListObjections.PageSize);
        Assert.Equal((1, expectedPages, ListObjections.PageSize), (first.Page, first.Pages, first.Items.Count));
        Assert.Equal((2, expectedPages), (second.Page, second.Pages));
        var all = new List<ListObjections.Item>(first.Items);
        for (var page = 2; page <= expectedPages; page++)
        {
            all.AddRange((await officer.Client.GetFromJsonAsync<ListObjections.Response>($"/api/audit/objections?page={page}", TestJson.Options))!.Items);
        }

        Assert.Equal(first.Waiting, all.Select(i => i.Id).Distinct().Count());
        Assert.Equal(all.OrderBy(i => i.AnswerDueOn).ThenBy(i => i.FiledAt).ThenBy(i => i.Id).Select(i => i.Id), all.Select(i => i.Id));
        await Problems.AssertAsync(await officer.Client.GetAsync("/api/audit/objections?page=0"), HttpStatusCode.BadRequest, "validation_failed");
    }

    /// <summary>
    /// Every working morning from the working day before an objection's last day, and after it while it waits, each
    /// active officer gets one e-mail naming it (none before, none on a weekend or holiday, one a day however often the
    /// job runs), the late ones said to be late, with the way to the list; an answered objection is named no more.
    /// </summary>
    [Fact]
    public async Task Officers_AreRemindedEachWorkingMorning_OfObjectionsNearOrPastTheirLastDay()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        // Another reads in English (as invited in English); one has e-mail off (as the demo's accounts); one was
        // deactivated: neither of the last two is written to.
        using var english = await portal.StaffAsync(Roles.Officer);
        using var quiet = await portal.StaffAsync(Roles.Officer);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Users;
            await users.Where(u => u.Id == english.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredLanguage, "en"));
            await users.Where(u => u.Id == quiet.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailNotifications, false));
        }

        using var gone = await portal.StaffAsync(Roles.Officer);
        using (var admin = await portal.StaffAsync(Roles.Admin))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync($"/api/admin/staff/{gone.Id}/deactivate", null)).StatusCode);
        }

        var name = $"Kios Pengingat {Accounts.Unique()[..6]}";
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name));
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()) with { Declarations = [] });
        var filed = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Saya sudah mencentang pernyataan itu, tetapi sistem tidak menyimpannya.", [Declaration]), TestJson.Options);
        var objection = (await filed.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;
        var reference = global::LicensingPortal.Api.Domain.ApplicationReference.Of(refused.Id);
        var calendar = await Calendars.PublishedAsync(applicant.Client);
        var lastDay = objection.AnswerDueOn;
        var firstLate = calendar.AddWorkingDays(lastDay, 1);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = portal.Create(time: clock);
        async Task<int> RemindedOnAsync(DateOnly day, int runs = 1, Guid? officerId = null)
        {
            clock.SetUtcNow(global::LicensingPortal.Api.Domain.Wita.StartOf(day).AddHours(7));
            for (var run = 0; run < runs; run++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RemindObjectionsDue.Job>().RunAsync(CancellationToken.None);
            }

            await using var read = host.Services.CreateAsyncScope();
            var (from, to) = (global::LicensingPortal.Api.Domain.Wita.StartOf(day), global::LicensingPortal.Api.Domain.Wita.StartOf(day.AddDays(1)));
            return await read.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages
                .CountAsync(m => m.RecipientId == (officerId ?? officer.Id) && m.Type == "objections-due" && m.CreatedAt >= from && m.CreatedAt < to && m.Payload!.Contains(reference));
        }

        // The host on its own clock runs no job server: the service's own, on the real clock, sends what it raised.
        async Task DeliverRemindersAsync()
        {
            await using (var scope = portal.Factory.Services.CreateAsyncScope())
            {
                var raised = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages
                    .Where(m => (m.Type == "objections-due" || m.Type == "appeals-due") && m.ProcessedAt == null && m.DeadLetteredAt == null).Select(m => m.Id).ToArrayAsync();
                await scope.ServiceProvider.GetRequiredService<global::LicensingPortal.Api.Features.Notifications.DeliverNotification.Job>().RunManyAsync(raised, CancellationToken.None);
            }

            await portal.DeliveriesSettledAsync();
        }

        var reminded = new List<DateOnly>();
        for (var day = global::LicensingPortal.Api.Domain.Wita.DateOf(objection.FiledAt).AddDays(1); day <= firstLate; day = day.AddDays(1))
        {
            // Run twice on its last day: still one e-mail.
            var count = await RemindedOnAsync(day, day == lastDay ? 2 : 1);
            Assert.InRange(count, 0, 1);
            if (count == 1)
            {
                reminded.Add(day);
            }
        }

        var dayBefore = Enumerable.Range(1, 10).Select(back => lastDay.AddDays(-back)).First(calendar.IsWorkingDay);
        Assert.Equal([dayBefore, lastDay, firstLate], reminded);
        Assert.Equal(0, await RemindedOnAsync(firstLate, officerId: quiet.Id));
        Assert.Equal(0, await RemindedOnAsync(firstLate, officerId: gone.Id));
        Assert.Equal(1, await RemindedOnAsync(firstLate, officerId: english.Id));

        // The late one's e-mail, in the officer's language: the business, the reference, the day that passed, the list.
        await DeliverRemindersAsync();
        var indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var late = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, officer.Email), m => m.TextBody!.Contains(Say.Id("Email.ObjectionsDue.LineLate", name, reference, lastDay.ToString("dddd, d MMMM yyyy", indonesian)), StringComparison.Ordinal));
        // Titled by the morning it is for and how many are late: "Pengingat <weekday, day>: <n> keberatan sudah lewat batas waktu".
        var subject = System.Text.RegularExpressions.Regex.Escape(Say.Id("Email.ObjectionsDue.SubjectLate", "{0}", "{1}"))
            .Replace(@"\{0}", @"\d+", StringComparison.Ordinal)
            .Replace(@"\{1}", System.Text.RegularExpressions.Regex.Escape(firstLate.ToString("dddd, d MMMM yyyy", indonesian)), StringComparison.Ordinal);
        Assert.Matches($"^{subject}$", late.Subject);
        Assert.Contains("/petugas/keberatan\n", late.TextBody, StringComparison.Ordinal);
        // Each objection with the way to its own page.
        Assert.Contains($"/petugas/keberatan/{objection.Id}", late.TextBody, StringComparison.Ordinal);
        Assert.Contains(Say.Id("Email.ObjectionsDue.Why"), late.TextBody, StringComparison.Ordinal);
        // A late one: what the law makes of it (deemed granted), and to tell the legal section.
        Assert.Contains(Say.Id("Email.ObjectionsDue.LateLaw"), late.TextBody, StringComparison.Ordinal);
        // In English for the officer who reads English.
        var inEnglish = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, english.Email), m => m.TextBody!.Contains(Say.En("Email.ObjectionsDue.LineLate", name, reference, lastDay.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))), StringComparison.Ordinal));
        Assert.Contains(Say.En("Email.ObjectionsDue.LateLaw"), inEnglish.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await Mailbox.MessagesToAsync(portal.DataDirectory, quiet.Email), m => m.TextBody!.Contains(reference, StringComparison.Ordinal));
        // Opens by saying some are late (all of them, or how many of how many: other tests' objections may wait too).
        string Counted(string key) => System.Text.RegularExpressions.Regex.Escape(Say.Id(key, "{0}", "{1}")).Replace(@"\{0}", @"\d+", StringComparison.Ordinal).Replace(@"\{1}", @"\d+", StringComparison.Ordinal);
        Assert.Matches($"^({Counted("Email.ObjectionsDue.IntroAllLate")}|{Counted("Email.ObjectionsDue.IntroLate")})\n", late.TextBody);

        // Answered: not named again.
        var answered = await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Pernyataan tidak tercentang. Centang pernyataan, lalu kirim lagi."), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(0, await RemindedOnAsync(calendar.AddWorkingDays(firstLate, 1)));
        await DeliverRemindersAsync();
    }

    /// <summary>
    /// The mayor's office is reminded the same way of appeals near or past their last day: an e-mail of its own, once a
    /// day, each appeal with the way to its page, the law's word on a late one; an officer gets no such e-mail.
    /// </summary>
    [Fact]
    public async Task TheMayorsOffice_IsRemindedEachWorkingMorning_OfAppealsNearOrPastTheirLastDay()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        var name = $"Kios Banding {Accounts.Unique()[..6]}";
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name));
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()) with { Declarations = [] });
        var path = $"/api/applications/{refused.Id}/objection";
        var objection = (await (await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Saya sudah mencentang pernyataan itu di HP."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, "Pernyataan tidak tercentang pada permohonan yang Anda kirim."), TestJson.Options)).StatusCode);
        var appeal = (await (await applicant.Client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request("Saya tetap tidak setuju dengan jawaban petugas itu."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!.Appeal!;
        var reference = global::LicensingPortal.Api.Domain.ApplicationReference.Of(refused.Id);
        var calendar = await Calendars.PublishedAsync(applicant.Client);
        var firstLate = calendar.AddWorkingDays(appeal.AnswerDueOn, 1);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = portal.Create(time: clock);
        async Task<int> RemindedOnAsync(DateOnly day, Guid account, string type)
        {
            clock.SetUtcNow(global::LicensingPortal.Api.Domain.Wita.StartOf(day).AddHours(7));
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<RemindObjectionsDue.Job>().RunAsync(CancellationToken.None);
            }

            await using var read = host.Services.CreateAsyncScope();
            var (from, to) = (global::LicensingPortal.Api.Domain.Wita.StartOf(day), global::LicensingPortal.Api.Domain.Wita.StartOf(day.AddDays(1)));
            return await read.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages
                .CountAsync(m => m.RecipientId == account && m.Type == type && m.CreatedAt >= from && m.CreatedAt < to && m.Payload!.Contains(reference));
        }

        // Not while its day is far; on its last day and after, once a day however often the job runs; never to an officer.
        var twoWorkingDaysBefore = Enumerable.Range(1, 20).Select(back => appeal.AnswerDueOn.AddDays(-back)).Where(calendar.IsWorkingDay).Skip(1).First();
        Assert.Equal(0, await RemindedOnAsync(twoWorkingDaysBefore, mayor.Id, "appeals-due"));
        Assert.Equal(1, await RemindedOnAsync(appeal.AnswerDueOn, mayor.Id, "appeals-due"));
        Assert.Equal(1, await RemindedOnAsync(appeal.AnswerDueOn, mayor.Id, "appeals-due"));
        Assert.Equal(1, await RemindedOnAsync(firstLate, mayor.Id, "appeals-due"));
        Assert.Equal(0, await RemindedOnAsync(firstLate, officer.Id, "appeals-due"));

        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var raised = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages
                .Where(m => (m.Type == "objections-due" || m.Type == "appeals-due") && m.ProcessedAt == null && m.DeadLetteredAt == null).Select(m => m.Id).ToArrayAsync();
            await scope.ServiceProvider.GetRequiredService<global::LicensingPortal.Api.Features.Notifications.DeliverNotification.Job>().RunManyAsync(raised, CancellationToken.None);
        }

        await portal.DeliveriesSettledAsync();
        var indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var late = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, mayor.Email), m => m.TextBody!.Contains(Say.Id("Email.AppealsDue.LineLate", name, reference, appeal.AnswerDueOn.ToString("dddd, d MMMM yyyy", indonesian)), StringComparison.Ordinal));
        Assert.Contains($"/walikota/banding/{objection.Id}", late.TextBody, StringComparison.Ordinal);
        Assert.Contains(Say.Id("Email.AppealsDue.LateLaw"), late.TextBody, StringComparison.Ordinal);
        Assert.Contains(Say.Id("Email.AppealsDue.Why"), late.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await Mailbox.MessagesToAsync(portal.DataDirectory, officer.Email), m => m.TextBody!.Contains(Say.Id("Email.AppealsDue.Why"), StringComparison.Ordinal));
    }
}

public sealed class ObjectionTestsOnSqlite(SqlitePortal portal) : ObjectionTests(portal), IClassFixture<SqlitePortal>;

public sealed class ObjectionTestsOnPostgres(PostgresPortal portal) : ObjectionTests(portal), IClassFixture<PostgresPortal>;
