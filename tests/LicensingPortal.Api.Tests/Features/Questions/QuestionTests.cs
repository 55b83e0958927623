using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Features.Questions;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Questions;

/// <summary>
/// An applicant asks the office in writing; an officer answers, once; the applicant reads the answer on the API, in the
/// inbox and by e-mail, in their language. Another's question is not found; bad input and a flood are clear answers.
/// </summary>
public abstract class QuestionTests(Portal portal)
{
    private const string Asked = "Saya jual nasi dan kopi di teras rumah. Kegiatan usaha mana yang harus saya pilih?";

    [Fact]
    public async Task AnApplicantAsks_AnOfficerAnswersOnce_AndTheApplicantReadsTheAnswer_InTheInboxAndByEmail()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var business = Builders.SoleProprietor().Name;

        // Asked from the refused application: the officer opens it beside the question.
        var asked = await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Application, $"  {Asked}\n", refused.Id), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var question = (await asked.Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;
        Assert.Equal($"/api/me/questions/{question.Id}", asked.Headers.Location!.OriginalString);
        Assert.Equal((QuestionTopic.Application, Asked, (string?)null, false), (question.Topic, question.Text, question.Answer, question.Late));
        Assert.Equal((refused.Id, ApplicationReference.Of(refused.Id), business), (question.ApplicationId, question.ApplicationReference, question.BusinessName));
        var calendar = await Calendars.PublishedAsync(applicant.Client);
        Assert.Equal(calendar.AddWorkingDays(Wita.DateOf(question.AskedAt), Question.WorkingDaysToAnswer), question.AnswerDueOn);

        // The officers' list names who asked and the question's start; the count of those waiting includes it.
        var waiting = (await officer.Client.GetFromJsonAsync<ListQuestions.Response>("/api/audit/questions", TestJson.Options))!;
        var item = Assert.Single(waiting.Items, i => i.Id == question.Id);
        Assert.Equal((applicant.Email, Asked, QuestionTopic.Application, business, (DateTimeOffset?)null), (item.AskerEmail, item.Excerpt, item.Topic, item.BusinessName, item.AnsweredAt));
        Assert.True(waiting.Waiting >= 1);
        var opened = (await officer.Client.GetFromJsonAsync<OpenQuestion.Response>($"/api/audit/questions/{question.Id}", TestJson.Options))!;
        Assert.Equal((Asked, applicant.Email, refused.Id, 0, (string?)null), (opened.Question.Text, opened.AskerEmail, opened.Question.ApplicationId, opened.Others.Count, opened.AnsweredBy));
        Assert.Equal([business], opened.AskerBusinesses);

        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request("Pendek."), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        const string Answer = "Pilih kegiatan 56103 (kedai makanan). Ketik \"warung makan\" di halaman Kegiatan usaha, lalu pilih yang paling cocok.";
        var answered = await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request(Answer), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var read = (await answered.Content.ReadFromJsonAsync<OpenQuestion.Response>(TestJson.Options))!;
        Assert.Equal((Answer, officer.Email), (read.Question.Answer, read.AnsweredBy));
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request("Jawaban kedua ini tidak boleh tersimpan."), TestJson.Options), HttpStatusCode.Conflict, "question_answered");

        var mine = (await applicant.Client.GetFromJsonAsync<List<QuestionView>>("/api/me/questions", TestJson.Options))!;
        Assert.Equal([(question.Id, Answer)], mine.Select(q => (q.Id, q.Answer)));
        var one = (await applicant.Client.GetFromJsonAsync<QuestionView>($"/api/me/questions/{question.Id}", TestJson.Options))!;
        Assert.Equal(Answer, one.Answer);
        Assert.InRange(one.AnsweredAt!.Value - read.Question.AnsweredAt!.Value, TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
        var afterAnswer = (await officer.Client.GetFromJsonAsync<ListQuestions.Response>("/api/audit/questions", TestJson.Options))!;
        Assert.DoesNotContain(afterAnswer.Items, i => i.Id == question.Id);
        Assert.Contains((await officer.Client.GetFromJsonAsync<ListQuestions.Response>("/api/audit/questions?answered=true", TestJson.Options))!.Items, i => i.Id == question.Id);

        // A second question: the officer reads the first with its answer beside it, and the first with the later one.
        var second = (await (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Documents, "Apakah foto KTP dari HP boleh, atau harus dipindai?"), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;
        Assert.Null(second.ApplicationId);
        var withEarlier = (await officer.Client.GetFromJsonAsync<OpenQuestion.Response>($"/api/audit/questions/{second.Id}", TestJson.Options))!;
        Assert.Equal([(question.Id, Answer)], withEarlier.Others.Select(q => (q.Id, q.Answer)));
        var withLater = (await officer.Client.GetFromJsonAsync<OpenQuestion.Response>($"/api/audit/questions/{question.Id}", TestJson.Options))!;
        Assert.Equal([(second.Id, (string?)null)], withLater.Others.Select(q => (q.Id, q.Answer)));

        await portal.DeliveriesSettledAsync();
        var inbox = await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications");
        var notice = inbox.EnumerateArray().Single(n => n.GetProperty("type").GetString() == "question-answered");
        Assert.Equal(question.Id, notice.GetProperty("subjectId").GetGuid());
        Assert.Equal(Say.Id("Notice.QuestionAnswered.Title"), notice.GetProperty("title").GetString());
        Assert.Contains(Asked, notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains(Answer, notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, applicant.Email), m => m.Subject == Say.Id("Notice.QuestionAnswered.Title"));
        Assert.Contains(Answer, mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains(Say.Id("Notice.QuestionAnswered.Free"), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/pemohon/tanya#pertanyaan-{question.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Answer), mail.HtmlBody!, StringComparison.Ordinal);

        // The applicant's copy of their data has both questions.
        var data = await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/data");
        Assert.Equal([second.Id, question.Id], data.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()));
        await officer.Client.PostAsJsonAsync($"/api/audit/questions/{second.Id}/answer", new AnswerQuestion.Request("Foto dari HP boleh, asal semua tulisan terbaca jelas."), TestJson.Options);
    }

    [Fact]
    public async Task AnEnglishApplicant_ReadsTheAnswer_InEnglish()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PutAsJsonAsync("/api/me/preferences", new { language = "en", emailNotifications = true }, TestJson.Options)).StatusCode);
        var question = (await (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Permit, "How do I print my permit from a phone?"), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;
        const string Answer = "Open My permits, choose the permit, then Download as PDF; any printing shop can print it.";
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request(Answer), TestJson.Options)).StatusCode);

        await portal.DeliveriesSettledAsync();
        var notice = (await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray().Single(n => n.GetProperty("type").GetString() == "question-answered");
        Assert.Equal(Say.En("Notice.QuestionAnswered.Title"), notice.GetProperty("title").GetString());
        Assert.StartsWith(Say.En("Notice.QuestionAnswered.Asked", global::LicensingPortal.Api.Infrastructure.Web.Cultures.WitaIn(global::LicensingPortal.Api.Infrastructure.Web.Cultures.English, question.AskedAt)), notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, applicant.Email), m => m.Subject == Say.En("Notice.QuestionAnswered.Title"));
        Assert.Contains(Say.En("Notice.QuestionAnswered.Read"), mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains(Say.En("Notice.QuestionAnswered.NoReply"), mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionPastItsDay_IsSaidLate_AndANikInItIsMaskedInTheNotice()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        const string Nik = "5371041203850001";
        const string NikAsOnTheCard = "5371 0412 0385 0002";
        var question = (await (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Business, $"NIK saya {Nik} ditolak waktu mendaftarkan usaha; NIK istri saya {NikAsOnTheCard}. Kenapa?"), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;
        Assert.False(question.Late);

        // Thirty days on, unanswered: more than two working days, whatever the holidays.
        await using (var later = portal.Create(time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(30))))
        {
            using var client = later.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, applicant.Email, applicant.Password));
            var mine = Assert.Single((await client.GetFromJsonAsync<List<QuestionView>>("/api/me/questions", TestJson.Options))!);
            Assert.True(mine.Late);
        }

        // The officer reads the words as sent; the notice that goes by e-mail and webhook masks the NIK.
        Assert.Contains(Nik, (await officer.Client.GetFromJsonAsync<OpenQuestion.Response>($"/api/audit/questions/{question.Id}", TestJson.Options))!.Question.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request("Periksa lagi angka NIK pada KTP Anda: harus 16 angka, sama persis."), TestJson.Options)).StatusCode);
        var body = (await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray().Single(n => n.GetProperty("type").GetString() == "question-answered").GetProperty("body").GetString()!;
        Assert.DoesNotContain(Nik, body, StringComparison.Ordinal);
        Assert.DoesNotContain(NikAsOnTheCard, body, StringComparison.Ordinal);
        Assert.Contains("5371********0001", body, StringComparison.Ordinal);
        Assert.Contains("5371" + new string('*', 11) + "0002", body, StringComparison.Ordinal);
        // In the inbox, nothing about not replying to an e-mail; in the e-mail, that and the masked NIK.
        Assert.DoesNotContain(Say.Id("Notice.QuestionAnswered.NoReply"), body, StringComparison.Ordinal);
        await portal.DeliveriesSettledAsync();
        var mail = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, applicant.Email), m => m.Subject == Say.Id("Notice.QuestionAnswered.Title"));
        Assert.DoesNotContain(Nik, mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("5371********0001", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Say.Id("Notice.QuestionAnswered.NoReply"), mail.TextBody, StringComparison.Ordinal);
        Assert.False((await applicant.Client.GetFromJsonAsync<QuestionView>($"/api/me/questions/{question.Id}", TestJson.Options))!.Late);
    }

    [Fact]
    public async Task OnItsLastDay_TheOfficersMorningEmail_CountsTheQuestionsToAnswer_AndLeadsToTheirList()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var question = (await (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Permit, "Berapa lama izin usaha saya berlaku?"), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;

        // 07:00 WITA on its last day, on a host with that clock: the morning's reminder counts it.
        var clock = new FakeTimeProvider(Wita.StartOf(question.AnswerDueOn).AddHours(7));
        await using (var host = portal.Create(time: clock))
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RemindObjectionsDue.Job>().RunAsync(CancellationToken.None);
        }

        // The host on its own clock runs no job server: the service's own sends what it raised.
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            var reminder = Assert.Single(await db.OutboxMessages.Where(m => m.Type == "objections-due" && m.RecipientId == officer.Id).ToListAsync());
            var payload = JsonSerializer.Deserialize<ObjectionsDuePayload>(reminder.Payload!, TestJson.Options)!;
            var dueThatDay = await db.Questions.CountAsync(q => q.AnsweredAt == null && q.AnswerDueOn <= question.AnswerDueOn);
            Assert.Equal(dueThatDay, payload.Questions);
            Assert.Equal(await db.Questions.CountAsync(q => q.AnsweredAt == null && q.AnswerDueOn < question.AnswerDueOn), payload.QuestionsLate);
            // Every officer of this service was reminded (other tests' too): all are sent, so none is left waiting.
            var raised = await db.OutboxMessages.Where(m => m.Type == "objections-due" && m.ProcessedAt == null && m.DeadLetteredAt == null).Select(m => m.Id).ToArrayAsync();
            await scope.ServiceProvider.GetRequiredService<global::LicensingPortal.Api.Features.Notifications.DeliverNotification.Job>().RunManyAsync(raised, CancellationToken.None);
        }

        await portal.DeliveriesSettledAsync();
        var mail = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, officer.Email), m => m.TextBody!.Contains("/petugas/pertanyaan\n", StringComparison.Ordinal));
        string Counted(string key) => System.Text.RegularExpressions.Regex.Escape(Say.Id(key, "{0}", "{1}")).Replace(@"\{0}", @"\d+", StringComparison.Ordinal).Replace(@"\{1}", @"\d+", StringComparison.Ordinal);
        Assert.Matches($"({Counted("Email.QuestionsDue.Line")}|{Counted("Email.QuestionsDue.LineLate")})", mail.TextBody);
        Assert.Contains(Say.Id("Email.QuestionsDue.Why", Question.WorkingDaysToAnswer), mail.TextBody, StringComparison.Ordinal);
        var subject = System.Text.RegularExpressions.Regex.Escape(Say.Id("Email.QuestionsDue.Subject", "{0}", question.AnswerDueOn.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")))).Replace(@"\{0}", @"\d+", StringComparison.Ordinal);
        Assert.Matches($"^{subject}$", mail.Subject);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request("Izin usaha berlaku selama usaha berjalan; sertifikat tertentu punya masa berlaku sendiri."), TestJson.Options)).StatusCode);
    }

    [Fact]
    public async Task TheLongestQuestionAndAnswer_KeepTheWholeAnswerAndTheWarning_InTheInbox_EvenWithAnEmojiWhereTheQuoteEnds()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        // An emoji (two UTF-16 units) across the notice's quote's end: half of one cannot be stored.
        var text = new string('a', Notices.QuestionQuoted - 1) + "🙏" + new string('b', Question.TextMaxLength - Notices.QuestionQuoted - 1);
        Assert.Equal(Question.TextMaxLength, text.Length);
        var question = (await (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Other, text), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;
        var answer = string.Concat(Enumerable.Repeat("Jawaban panjang. ", 200))[..Question.AnswerMaxLength].Trim();
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request(answer + " Terlalu panjang."), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request(answer), TestJson.Options)).StatusCode);

        var body = (await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray().Single(n => n.GetProperty("type").GetString() == "question-answered").GetProperty("body").GetString()!;
        Assert.Contains(answer, body, StringComparison.Ordinal);
        Assert.EndsWith(Say.Id("Notice.QuestionAnswered.Free"), body, StringComparison.Ordinal);
        Assert.Contains(new string('a', Notices.QuestionQuoted - 1) + "…", body, StringComparison.Ordinal);
        Assert.Equal(text, (await applicant.Client.GetFromJsonAsync<QuestionView>($"/api/me/questions/{question.Id}", TestJson.Options))!.Text);
    }

    [Fact]
    public async Task AnotherApplicantsQuestion_IsNotFound_AndOnlyApplicantsAsk_AndOnlyOfficersAnswer()
    {
        using var owner = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        var question = (await (await owner.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Business, "Apakah NIK istri saya boleh dipakai untuk usaha ini?"), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;

        await Problems.AssertAsync(await other.Client.GetAsync($"/api/me/questions/{question.Id}"), HttpStatusCode.NotFound, "question_not_found");
        // Nor may a question name another's application: it is one that does not exist, and nothing is kept.
        var theirs = await owner.Client.SubmitAsync(await owner.Client.RestaurantAsync() with { Declarations = [] });
        await Problems.AssertAsync(await other.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Decision, "Mengapa permohonan ini ditolak?", theirs.Id), TestJson.Options), HttpStatusCode.NotFound, "application_not_found");
        Assert.Empty((await other.Client.GetFromJsonAsync<List<QuestionView>>("/api/me/questions", TestJson.Options))!);
        Assert.DoesNotContain((await other.Client.GetFromJsonAsync<List<QuestionView>>("/api/me/questions", TestJson.Options))!, q => q.Id == question.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request("Saya pemohon lain yang mencoba menjawab."), TestJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync("/api/audit/questions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mayor.Client.GetAsync($"/api/audit/questions/{question.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Other, "Petugas tidak bertanya di sini."), TestJson.Options)).StatusCode);
        await Problems.AssertAsync(await officer.Client.GetAsync($"/api/audit/questions/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "question_not_found");
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/questions/{Guid.NewGuid()}/answer", new AnswerQuestion.Request("Jawaban untuk pertanyaan yang tidak ada."), TestJson.Options), HttpStatusCode.NotFound, "question_not_found");
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/questions/{question.Id}/answer", new AnswerQuestion.Request("Boleh, jika istri Anda pemilik usahanya. Daftarkan usaha atas nama dia."), TestJson.Options)).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsAClearProblem_TheSameWordsTwiceAreOneQuestion_AndFiveMayWait()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);

        var noTopic = await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync("/api/me/questions", new { text = "Pertanyaan tanpa topik yang dipilih." }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("topic", ((JsonElement)noTopic.Extensions["errors"]!).EnumerateObject().Select(p => p.Name));
        Assert.Equal([Say.Id("Validation.Question.Topic")], ((JsonElement)noTopic.Extensions["errors"]!).GetProperty("topic").EnumerateArray().Select(m => m.GetString()));
        var tooShort = await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync("/api/me/questions", new { topic = "other", text = "Halo?" }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([Say.Id("Validation.Question.Text.Short", Question.TextMinLength)], ((JsonElement)tooShort.Extensions["errors"]!).GetProperty("text").EnumerateArray().Select(m => m.GetString()));
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync("/api/me/questions", new { topic = "weather", text = "Topik ini tidak ada di daftar layanan." }, TestJson.Options), HttpStatusCode.BadRequest, "malformed_request");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync("/api/me/questions", new { topic = "other", text = new string('a', Question.TextMaxLength + 1) }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Empty((await applicant.Client.GetFromJsonAsync<List<QuestionView>>("/api/me/questions", TestJson.Options))!);

        // A second tap sends the same words: the same question, not a second.
        var first = (await (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Other, "Kapan kantor DPMPTSP buka?"), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;
        var again = (await (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Other, "Kapan kantor DPMPTSP buka? "), TestJson.Options)).Content.ReadFromJsonAsync<QuestionView>(TestJson.Options))!;
        Assert.Equal(first.Id, again.Id);

        // A retry with the same key is answered as the first time.
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/me/questions") { Content = JsonContent.Create(new AskQuestion.Request(QuestionTopic.Account, "Bagaimana cara mengganti alamat e-mail akun saya?"), options: TestJson.Options) };
        var key = Guid.NewGuid().ToString();
        keyed.Headers.Add("Idempotency-Key", key);
        var keyedFirst = await (await applicant.Client.SendAsync(keyed)).Content.ReadAsStringAsync();
        var keyedQuestion = JsonSerializer.Deserialize<QuestionView>(keyedFirst, TestJson.Options)!;
        // Answered meanwhile, the same words would be a new question: the key alone makes the retry the same one.
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/questions/{keyedQuestion.Id}/answer", new AnswerQuestion.Request("Buka Keamanan akun, lalu Ganti alamat e-mail."), TestJson.Options)).StatusCode);
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/me/questions") { Content = JsonContent.Create(new AskQuestion.Request(QuestionTopic.Account, "Bagaimana cara mengganti alamat e-mail akun saya?"), options: TestJson.Options) };
        retry.Headers.Add("Idempotency-Key", key);
        Assert.Equal(keyedFirst, await (await applicant.Client.SendAsync(retry)).Content.ReadAsStringAsync());
        Assert.Equal(2, (await applicant.Client.GetFromJsonAsync<List<QuestionView>>("/api/me/questions", TestJson.Options))!.Count);

        for (var i = 2; i <= Question.MaxWaiting; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Other, $"Pertanyaan nomor {i} tentang izin usaha saya."), TestJson.Options)).StatusCode);
        }

        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Other, "Pertanyaan keenam sebelum ada yang dijawab."), TestJson.Options), HttpStatusCode.Conflict, "questions_waiting");

        // One answered, one more may wait.
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/questions/{first.Id}/answer", new AnswerQuestion.Request("Senin sampai Jumat, 08.00-15.00 WITA; tetapi semua bisa diurus dari HP."), TestJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await applicant.Client.PostAsJsonAsync("/api/me/questions", new AskQuestion.Request(QuestionTopic.Other, "Pertanyaan keenam sesudah satu dijawab."), TestJson.Options)).StatusCode);
        foreach (var waiting in (await applicant.Client.GetFromJsonAsync<List<QuestionView>>("/api/me/questions", TestJson.Options))!.Where(q => q.Answer is null))
        {
            await officer.Client.PostAsJsonAsync($"/api/audit/questions/{waiting.Id}/answer", new AnswerQuestion.Request("Terima kasih, pertanyaan Anda sudah kami catat."), TestJson.Options);
        }
    }
}

public sealed class QuestionTestsOnSqlite(SqlitePortal portal) : QuestionTests(portal), IClassFixture<SqlitePortal>;

public sealed class QuestionTestsOnPostgres(PostgresPortal portal) : QuestionTests(portal), IClassFixture<PostgresPortal>;
