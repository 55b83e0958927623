using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Me;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Features.Notifications;
using SubmitApplicationRequest = LicensingPortal.Api.Features.Applications.ApplicationRequest;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Webhooks;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Notifications;

/// <summary>An API host with a real SMTP server and webhooks allowed to a receiver on this machine, retrying quickly.</summary>
public abstract class ChannelPortal(DatabaseProvider provider) : SmtpPortal(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
    {
        ["Webhooks:AllowPrivateAddresses"] = "true",
        ["Webhooks:AllowInsecureHttp"] = "true",
        ["Webhooks:TimeoutSeconds"] = "1",
        ["Notifications:RetryBaseSeconds"] = "0.2",
        ["Notifications:MaxAttempts"] = "5",
        ["Jobs:PollIntervalSeconds"] = "1",
    };
}

public sealed class SqliteChannelPortal() : ChannelPortal(DatabaseProvider.Sqlite);

public sealed class PostgresChannelPortal() : ChannelPortal(DatabaseProvider.Postgres);

public abstract class ChannelTests(ChannelPortal portal) : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async ValueTask InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await receiver.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Decision_SendsExactlyOneEmailAndOneSignedWebhook_AndFillsTheInbox()
    {
        var (applicant, secret, email, request) = await SubscribedApplicantAsync();

        var application = await applicant.Client.SubmitAsync(request with { Declarations = [] });

        await Eventually.TrueAsync(() => Decisions().Length == 1 && Mails(email).Length == 1, "the e-mail and the webhook arrive");
        var hook = Assert.Single(Decisions());
        var (timestamp, signature) = ParseSignature(hook.Signature);
        Assert.Equal(WebhookSender.Sign(secret, timestamp, hook.Body), signature);
        var body = JsonNode.Parse(hook.Body)!;
        Assert.Equal(hook.Id, body["id"]!.GetValue<string>());
        Assert.Equal("rejected", body["data"]!["outcome"]!.GetValue<string>());
        Assert.Equal("PERNYATAAN-KEBENARAN-DATA", body["data"]!["failedRequirements"]![0]!["id"]!.GetValue<string>());
        Assert.Matches("^<[0-9a-f-]{36}@licensingportal.kupangkota.go.id>$", Assert.Single(Mails(email)).Headers["Message-Id"]);

        var inbox = await applicant.Client.GetFromJsonAsync<List<ListNotifications.Item>>("/api/me/notifications", TestJson.Options);
        Assert.Equal(["application-received", "decision-made"], inbox!.Where(i => i.SubjectId == application.Id).Select(i => i.Type).Order(StringComparer.Ordinal));
        var unread = inbox!.First(i => i.Type == "decision-made");
        // The refusal in the inbox is a numbered list, one line a failed requirement, then where to fix it.
        Assert.Equal(
            [Say.Id("Notice.Rejected.Intro", 1), "1. ", string.Empty, Say.Id("Notice.Rejected.Next")],
            unread.Body.Split('\n').Select((line, i) => i == 1 ? line[..3] : line));
        // Asked in English (the reader switched the service's language), the same notice reads in English: both are kept.
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, "/api/me/notifications");
        inEnglish.Headers.AcceptLanguage.ParseAdd("en-GB");
        using var englishResponse = await applicant.Client.SendAsync(inEnglish);
        Assert.Contains(englishResponse.Content.Headers.ContentLanguage, l => l.StartsWith("en", StringComparison.Ordinal));
        var english = (await englishResponse.Content.ReadFromJsonAsync<List<ListNotifications.Item>>(TestJson.Options))!.Single(i => i.Id == unread.Id);
        Assert.StartsWith(Say.En("Notice.Rejected.Intro", 1), english.Body, StringComparison.Ordinal);
        Assert.NotEqual(unread.Title, english.Title);
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.Client.PostAsync($"/api/me/notifications/{unread.Id}/read", null)).StatusCode);
        var stillUnread = await applicant.Client.GetFromJsonAsync<List<ListNotifications.Item>>("/api/me/notifications?unreadOnly=true", TestJson.Options);
        Assert.DoesNotContain(stillUnread!, i => i.Id == unread.Id);
    }

    [Fact]
    public async Task ReceiverFailingThreeTimes_GetsTheWebhookOnTheFourthAttempt_WithTheSameId()
    {
        var (applicant, _, _, request) = await SubscribedApplicantAsync();
        receiver.FailNext(3);

        var application = await applicant.Client.SubmitAsync(request);

        await Eventually.TrueAsync(async () => await WebhookDeliveredAsync(application.Id), "the webhook is delivered after retries");
        var attempts = Decisions();
        Assert.Equal(4, attempts.Length);
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages.SingleAsync(m => m.SubjectId == application.Id && m.Channel == "webhook");
        Assert.Equal(4, row.Attempts);
    }

    [Fact]
    public async Task AttemptCutOffAfterTheReceiverGotIt_IsRepeatedWithTheSameId()
    {
        var (applicant, _, _, request) = await SubscribedApplicantAsync();
        receiver.SlowNext(1);

        var application = await applicant.Client.SubmitAsync(request);

        await Eventually.TrueAsync(async () => await WebhookDeliveredAsync(application.Id), "the repeat is delivered");
        var received = Decisions();
        Assert.Equal(2, received.Length);
        Assert.Equal(received[0].Id, received[1].Id);
        Assert.Equal(received[0].Body, received[1].Body);
    }

    [Fact]
    public async Task ReceiverThatNeverAnswers_IsDeadLettered_AndAnOfficerSendsItAgain()
    {
        var (applicant, _, _, request) = await SubscribedApplicantAsync();
        receiver.FailNext(5);
        var application = await applicant.Client.SubmitAsync(request);
        using var officer = await portal.StaffAsync(Roles.Officer);

        List<JsonNode> letters = [];
        await Eventually.TrueAsync(
            async () =>
            {
                letters = (await officer.Client.GetFromJsonAsync<List<JsonNode>>("/api/notifications/dead-letters"))!.Where(l => l["subjectId"]!.GetValue<string>() == application.Id.ToString()).ToList();
                return letters.Count == 1;
            },
            "the webhook is dead-lettered after its last attempt");
        Assert.Equal(5, letters[0]["attempts"]!.GetValue<int>());

        var resend = await officer.Client.PostAsync($"/api/notifications/{letters[0]["id"]!.GetValue<string>()}/resend", null);

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        await Eventually.TrueAsync(async () => await WebhookDeliveredAsync(application.Id), "the resent webhook is delivered");
        Assert.Equal(6, Decisions().Length);
        Assert.Single(Decisions().Select(d => d.Id).Distinct());
        using var applicantClient = applicant.Client;
        Assert.Equal(HttpStatusCode.Forbidden, (await applicantClient.GetAsync("/api/notifications/dead-letters")).StatusCode);
    }

    [Fact]
    public async Task AWorkerTold_ToStop_FinishesTheMessageItIsSending_RecordsIt_AndGivesBackWhatItHadNotStarted()
    {
        var (applicant, _, email, request) = await SubscribedApplicantAsync();
        var application = await applicant.Client.SubmitAsync(request);
        await Eventually.TrueAsync(async () => await WebhookDeliveredAsync(application.Id) && Mails(email).Length == 1, "the decision is delivered");
        await portal.DeliveriesSettledAsync();

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        LicensingPortal.Api.Domain.OutboxMessage Raise(string channel) => Builders.DecisionNotice(application.Id, applicant.Id, channel);
        var first = Raise(LicensingPortal.Api.Domain.NotificationChannels.Email);
        var hook = Raise(LicensingPortal.Api.Domain.NotificationChannels.Webhook);
        var last = Raise(LicensingPortal.Api.Domain.NotificationChannels.Email);
        db.OutboxMessages.AddRange(first, hook, last);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // The stop comes while the receiver holds the webhook; it answers once the stop is given.
        var held = receiver.HoldNext();
        using var stop = new CancellationTokenSource();
        var run = ActivatorUtilities.CreateInstance<DeliverNotification.Job>(scope.ServiceProvider).RunManyAsync([first.Id, hook.Id, last.Id], stop.Token);
        await held.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        held.Answer.SetResult();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // What was sent is recorded, the webhook included; the last message was not started and is free at once, no attempt counted.
        var stored = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == first.Id || m.Id == hook.Id || m.Id == last.Id).ToDictionaryAsync(m => m.Id);
        Assert.NotNull(stored[first.Id].ProcessedAt);
        Assert.NotNull(stored[hook.Id].ProcessedAt);
        Assert.Null(stored[last.Id].ProcessedAt);
        Assert.Null(stored[last.Id].LockedUntil);
        Assert.Equal(0, stored[last.Id].Attempts);
        Assert.Equal(2, Mails(email).Length);

        // The next worker sends the rest, and nothing twice.
        await ActivatorUtilities.CreateInstance<DeliverNotification.Job>(scope.ServiceProvider).RunManyAsync([first.Id, hook.Id, last.Id], CancellationToken.None);
        Assert.Equal(3, Mails(email).Length);
        Assert.Equal(3, Mails(email).Select(m => m.Headers["Message-Id"]).Distinct().Count());
        Assert.Single(receiver.Requests, r => r.Id == hook.Id.ToString());
    }

    [Fact]
    public async Task EmailSwitchedOff_SendsNoEmailOfADecision_ButTheInboxHasIt_AndAClosedBusinessIsStillToldByEmail()
    {
        using var applicant = await portal.ApplicantAsync();
        var email = $"diam-{Guid.NewGuid():N}@example.com";
        await applicant.Client.PutAsJsonAsync("/api/me/preferences", new SetPreferences.Request("en", false, null), TestJson.Options);
        var request = Builders.Restaurant(await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email }), await applicant.Client.UploadAsync());

        var application = await applicant.Client.SubmitAsync(request);

        await Eventually.TrueAsync(async () => (await applicant.Client.GetFromJsonAsync<List<ListNotifications.Item>>("/api/me/notifications", TestJson.Options))!.Any(i => i.SubjectId == application.Id && i.Type == "decision-made"), "the inbox has the decision");
        var inbox = await applicant.Client.GetFromJsonAsync<List<ListNotifications.Item>>("/api/me/notifications", TestJson.Options);
        Assert.Contains("the application for", inbox!.First(i => i.Type == "decision-made").Title, StringComparison.Ordinal);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages.AnyAsync(m => m.SubjectId == application.Id));
        Assert.Empty(Mails(email));

        // What the owner must hear all the same: the business closed (its NIB and permits end that day) comes by e-mail.
        var closed = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/closure", new CloseBusiness.Request(true), TestJson.Options);
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(() => Mails(email).Length > 0, "the e-mail about the closed business arrives");
        var mail = Assert.Single(Mails(email));
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data));
        Assert.Contains(Builders.SoleProprietor().Name, (await MimeKit.MimeMessage.LoadAsync(raw)).Subject, StringComparison.Ordinal);
    }

    /// <summary>
    /// An appeal to the mayor reaches the owner's integrator as the objection did: a signed webhook when it came (with
    /// the day its answer is due) and one when the mayor's office answered (the outcome and the words).
    /// </summary>
    [Fact]
    public async Task AnAppeal_ReachesTheOwnersWebhook_WhenItComesAndWhenItIsAnswered()
    {
        var (applicant, secret, _, request) = await SubscribedApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        var refused = await applicant.Client.SubmitAsync(request with { Declarations = [] });
        var path = $"/api/applications/{refused.Id}/objection";
        var objection = (await (await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Saya sudah mencentang pernyataan itu di HP."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!;
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(Api.Domain.ObjectionOutcome.Stands, "Pernyataan tidak tercentang pada permohonan ini."), TestJson.Options)).StatusCode);
        var appeal = (await (await applicant.Client.PostAsJsonAsync($"{path}/appeal", new AppealObjection.Request("Saya tetap tidak setuju dengan jawaban itu."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!.Objection!.Appeal!;
        const string Answer = "Isian Anda tidak tersimpan karena kesalahan sistem; kirim lagi besok.";
        Assert.Equal(HttpStatusCode.OK, (await mayor.Client.PostAsJsonAsync($"/api/appeals/{objection.Id}/answer", new AnswerAppeal.Request(Api.Domain.ObjectionOutcome.Upheld, Answer), TestJson.Options)).StatusCode);

        WebhookReceiver.Received[] Of(string type) => [.. receiver.Requests.Where(r => r.Event == type && r.Body.Contains(refused.Id.ToString(), StringComparison.Ordinal))];
        await Eventually.TrueAsync(() => Of("appeal-received").Length == 1 && Of("appeal-answered").Length == 1, "both webhooks arrive");
        foreach (var hook in Of("appeal-received").Concat(Of("appeal-answered")))
        {
            var (timestamp, signature) = ParseSignature(hook.Signature);
            Assert.Equal(WebhookSender.Sign(secret, timestamp, hook.Body), signature);
        }

        var received = JsonNode.Parse(Of("appeal-received")[0].Body)!["data"]!["appeal"]!;
        Assert.Equal(appeal.AnswerDueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), received["answerDueOn"]!.GetValue<string>());
        Assert.Null(received["answer"]);
        var answered = JsonNode.Parse(Of("appeal-answered")[0].Body)!["data"]!["appeal"]!;
        Assert.Equal(Answer, answered["answer"]!.GetValue<string>());
        Assert.Equal("upheld", answered["outcome"]!.GetValue<string>(), ignoreCase: true);
    }

    /// <summary>A new applicant with a webhook to this test's receiver and a business with an e-mail address of its own.</summary>
    private async Task<(Account Applicant, string Secret, string Email, SubmitApplicationRequest Request)> SubscribedApplicantAsync()
    {
        var applicant = await portal.ApplicantAsync();
        var response = await applicant.Client.PutAsJsonAsync("/api/me/preferences", new SetPreferences.Request("id", true, receiver.Url), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = (await response.Content.ReadFromJsonAsync<PreferencesResponse>(TestJson.Options))!.WebhookSecret!;
        var email = $"pemilik-{Guid.NewGuid():N}@example.com";
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        return (applicant, secret, email, Builders.Restaurant(businessId, await applicant.Client.UploadAsync()));
    }

    private WebhookReceiver.Received[] Decisions() => receiver.Requests.Where(r => r.Event == "decision-made").ToArray();

    private ReceivedMail[] Mails(string address) =>
        portal.Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == address)).ToArray();

    private async Task<bool> WebhookDeliveredAsync(Guid applicationId)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages.AnyAsync(m => m.SubjectId == applicationId && m.Channel == "webhook" && m.ProcessedAt != null);
    }

    private static (string Timestamp, string Signature) ParseSignature(string header)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (parts["t"], parts["v1"]);
    }

}

public sealed class ChannelTestsOnSqlite(SqliteChannelPortal portal) : ChannelTests(portal), IClassFixture<SqliteChannelPortal>;

public sealed class ChannelTestsOnPostgres(PostgresChannelPortal portal) : ChannelTests(portal), IClassFixture<PostgresChannelPortal>;
