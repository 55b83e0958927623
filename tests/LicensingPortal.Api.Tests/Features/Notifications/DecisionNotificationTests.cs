using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Notifications;

/// <summary>An API host whose email goes to a real SMTP server running in this process.</summary>
public abstract class SmtpPortal(DatabaseProvider provider) : Portal(provider), IDisposable
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(DefaultSettings())
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
    };

    public void Dispose()
    {
        Smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSmtpPortal() : SmtpPortal(DatabaseProvider.Sqlite);

public sealed class PostgresSmtpPortal() : SmtpPortal(DatabaseProvider.Postgres);

public abstract class DecisionNotificationTests(SmtpPortal portal)
{
    [Fact]
    public async Task Decision_IsEmailedExactlyOnce_WithTheOutboxIdAsMessageId()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        using var applicant = await portal.ApplicantAsync();
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });

        var application = await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, await applicant.Client.UploadAsync()) with { Declarations = [] });

        await Eventually.TrueAsync(() => MessagesTo(email).Length == 1, "the decision email arrives");
        Guid outboxId;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            await Eventually.TrueAsync(async () => await db.OutboxMessages.AnyAsync(m => m.SubjectId == application.Id && m.ProcessedAt != null), "the outbox row is marked delivered");
            outboxId = (await db.OutboxMessages.SingleAsync(m => m.SubjectId == application.Id)).Id;

            // A late duplicate of the job, and a sweep, find the row delivered and send nothing more.
            await scope.ServiceProvider.GetRequiredService<DeliverNotification.Job>().RunAsync(outboxId, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SweepOutbox.Job>().RunAsync(CancellationToken.None);
        }

        var message = Assert.Single(MessagesTo(email));
        Assert.Equal($"<{outboxId}@{DecisionEmail.MessageIdDomain}>", message.Headers["Message-Id"]);
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));
        // The subject says in words what happened to which business (no code, no capitals shouting).
        Assert.Equal(Say.Id("Notice.Rejected.Title", Builders.SoleProprietor().Name), mime.Subject);
        var text = mime.TextBody!;
        Assert.Contains("Anda belum", text, StringComparison.Ordinal);
        // Every way on is a whole link a phone's mail app opens: the decision's page (to correct and send again, or to
        // object), a question to the office about this decision, and the report of a demand for money.
        var service = portal.Factory.Server.BaseAddress.ToString().TrimEnd('/');
        Assert.Contains($"{Say.Id("Email.Decision.Open.Rejected")}\n{service}/pemohon/permohonan/{application.Id}\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"{service}/pemohon/tanya?tentang=keputusan&permohonan={application.Id}", text, StringComparison.Ordinal);
        // A question is offered beside the right to object: asking is said not to stop the time to object.
        Assert.Contains(Say.Id("Email.Decision.AskNoDelay", "§").Split('§')[0], text, StringComparison.Ordinal);
        // The right to object comes with the objection's own page, a tap away.
        Assert.Contains($"{Say.Id("Email.Decision.ObjectLink")}\n{service}/pemohon/permohonan/{application.Id}/keberatan\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"{service}/lapor", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{service}/pemohon/permohonan/{application.Id}\">{Say.Id("Email.Decision.Open.Rejected").TrimEnd(':')}</a>", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Saya menyatakan semua data yang saya isi benar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PERNYATAAN-KEBENARAN-DATA", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABurstOfDecisions_IsEmailedOverAFewKeptConnections_NotOnePerMessage()
    {
        var sender = SmtpSender();
        var workers = portal.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LicensingPortal.Api.Infrastructure.Jobs.JobsOptions>>().Value.WorkerCount;
        var email = $"burst-{Guid.NewGuid():N}@example.com";
        using var applicant = await portal.ApplicantAsync();
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        var ktp = await applicant.Client.UploadAsync();
        await portal.DeliveriesSettledAsync();
        var before = sender.ConnectionsOpened;

        for (var i = 0; i < 3 * workers; i++)
        {
            await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, ktp) with { Declarations = [] });
        }

        await Eventually.TrueAsync(() => MessagesTo(email).Length == 3 * workers, "every decision e-mail arrives");
        Assert.InRange(sender.ConnectionsOpened - before, 0, workers);
    }

    [Fact]
    public async Task WhenTheMailServerDropsEveryKeptConnection_TheNextEmailsGoOutOnNewOnes_OnTheirFirstAttempt()
    {
        var sender = SmtpSender();
        var email = $"dropped-{Guid.NewGuid():N}@example.com";
        using var applicant = await portal.ApplicantAsync();
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        var ktp = await applicant.Client.UploadAsync();
        await portal.DeliveriesSettledAsync();

        // Three sends at once each take a kept connection or open one: at least three are kept when they are done.
        var kept = $"kept-{Guid.NewGuid():N}@example.com";
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => sender.SendAsync(
            new MimeKit.MimeMessage([MimeKit.MailboxAddress.Parse("noreply@example.com")], [MimeKit.MailboxAddress.Parse(kept)], "kept", new MimeKit.TextPart("plain") { Text = "kept" }),
            CancellationToken.None)));
        Assert.Equal(3, MessagesTo(kept).Length);
        HashSet<Guid> before;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            before = [.. await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages.Select(m => m.Id).ToListAsync()];
        }

        portal.Smtp.DropConnections();
        for (var i = 0; i < 4; i++)
        {
            await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, ktp) with { Declarations = [] });
        }

        await Eventually.TrueAsync(() => MessagesTo(email).Length == 4, "the e-mails after the drop arrive");
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            // Not one needed its job's retry (half a minute later): each went on its first attempt, the send that met a
            // dropped connection trying once more on a new one, not on another dropped kept one.
            var after = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages.AsNoTracking().Where(m => !before.Contains(m.Id)).ToListAsync();
            Assert.NotEmpty(after);
            Assert.All(after, m => Assert.InRange(m.Attempts, 0, 1));
        }
    }

    [Fact]
    public async Task MessagesCommittedTogether_AreDeliveredByAFewJobs_EachExactlyOnce()
    {
        const int count = 30;
        using var applicant = await portal.ApplicantAsync();
        var email = $"batch-{Guid.NewGuid():N}@example.com";
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        var application = await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, await applicant.Client.UploadAsync()));
        await Eventually.TrueAsync(() => MessagesTo(email).Length == 1, "the decision itself is e-mailed");
        await portal.DeliveriesSettledAsync();
        var monitoring = portal.Factory.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var jobsBefore = monitoring.SucceededListCount();

        var ids = new List<Guid>();
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            for (var i = 0; i < count; i++)
            {
                var message = Builders.DecisionNotice(application.Id, applicant.Id);
                db.OutboxMessages.Add(message);
                ids.Add(message.Id);
            }

            await db.SaveChangesAsync();
        }

        // Handed over together, as a burst's commits are: one job takes up to ten of them.
        var dispatch = portal.Factory.Services.GetRequiredService<LicensingPortal.Api.Infrastructure.Jobs.OutboxDispatch>();
        ids.ForEach(dispatch.Dispatch);

        await Eventually.TrueAsync(() => MessagesTo(email).Length == count + 1, "every message is e-mailed");
        await portal.DeliveriesSettledAsync();
        Assert.Equal(count + 1, MessagesTo(email).Select(m => m.Headers["Message-Id"]).Distinct().Count());
        await Eventually.TrueAsync(() => monitoring.SucceededListCount() > jobsBefore, "the jobs are recorded as succeeded");
        Assert.InRange(monitoring.SucceededListCount() - jobsBefore, 1, 8);
    }

    [Fact]
    public async Task AMessageClaimedByAWorkerThatDied_WaitsOutItsLease_ThenAnotherWorkerSendsItOnce()
    {
        using var applicant = await portal.ApplicantAsync();
        var email = $"lease-{Guid.NewGuid():N}@example.com";
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        var application = await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, await applicant.Client.UploadAsync()));
        await Eventually.TrueAsync(() => MessagesTo(email).Length == 1, "the decision itself is e-mailed");
        await portal.DeliveriesSettledAsync();

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var message = Builders.DecisionNotice(application.Id, applicant.Id);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // A worker claims the message and dies (SIGKILL) before it sends or records anything.
        var claimed = (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new DeliverNotification.Claim([message.Id]))).Value;
        Assert.Single(claimed);

        // While its lease stands, no other worker sends it.
        var job = ActivatorUtilities.CreateInstance<DeliverNotification.Job>(scope.ServiceProvider);
        await job.RunManyAsync([message.Id], CancellationToken.None);
        Assert.Single(MessagesTo(email));

        // Once the lease has ended, the next worker sends it, once, with the outbox id as its Message-ID.
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await job.RunManyAsync([message.Id], CancellationToken.None);
        await job.RunManyAsync([message.Id], CancellationToken.None);

        var sent = MessagesTo(email);
        Assert.Equal(2, sent.Length);
        Assert.Equal($"<{message.Id}@licensingportal.kupangkota.go.id>", sent.Last().Headers["Message-Id"]);
        var stored = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id);
        Assert.NotNull(stored.ProcessedAt);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task AClaim_TakesOnlyTheMessagesNoOneHolds_InTheOrderGiven_AndLeavesTheRestAsTheyWere()
    {
        using var applicant = await portal.ApplicantAsync();
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = $"claim-{Guid.NewGuid():N}@example.com" });
        var application = await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, await applicant.Client.UploadAsync()));
        await portal.DeliveriesSettledAsync();

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var (free, delivered, held, deadLettered, alsoFree) = (Raise(), Raise(), Raise(), Raise(), Raise());
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        try
        {
            var now = DateTimeOffset.UtcNow;
            var heldUntil = now.AddMinutes(3);
            await db.OutboxMessages.Where(m => m.Id == delivered).ExecuteUpdateAsync(set => set.SetProperty(m => m.ProcessedAt, now));
            await db.OutboxMessages.Where(m => m.Id == held).ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, heldUntil));
            await db.OutboxMessages.Where(m => m.Id == deadLettered).ExecuteUpdateAsync(set => set.SetProperty(m => m.DeadLetteredAt, now));

            var claimed = (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>()
                .Send(new DeliverNotification.Claim([alsoFree, delivered, free, held, deadLettered]))).Value;

            Assert.Equal([alsoFree, free], claimed.Select(m => m.Id));
            Assert.All(claimed, m => Assert.True(m.LockedUntil > now.AddSeconds(30), "each taken message carries this worker's lease"));
            var rest = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == delivered || m.Id == held || m.Id == deadLettered).ToDictionaryAsync(m => m.Id);
            Assert.Null(rest[delivered].LockedUntil);
            Assert.Equal(heldUntil.ToUnixTimeMilliseconds(), rest[held].LockedUntil!.Value.ToUnixTimeMilliseconds());
            Assert.Null(rest[deadLettered].LockedUntil);

            // A second worker, a moment later, finds nothing left to take.
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new DeliverNotification.Claim([free, alsoFree, held]))).Value);
        }
        finally
        {
            // None of these was ever to be sent: settled, so the class's other tests find the outbox as they left it.
            Guid[] raised = [free, delivered, held, deadLettered, alsoFree];
            await db.OutboxMessages.Where(m => raised.Contains(m.Id)).ExecuteUpdateAsync(set => set.SetProperty(m => m.ProcessedAt, DateTimeOffset.UtcNow));
        }

        Guid Raise() => db.OutboxMessages.Add(Builders.DecisionNotice(application.Id, applicant.Id)).Entity.Id;
    }

    [Fact]
    public async Task ABatch_IsClaimedAndRecordedTogether_WhileAFailingMessageIsRetriedOnItsOwn()
    {
        using var applicant = await portal.ApplicantAsync();
        var email = $"mixed-{Guid.NewGuid():N}@example.com";
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        var application = await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, await applicant.Client.UploadAsync()));
        await Eventually.TrueAsync(() => MessagesTo(email).Length == 1, "the decision itself is e-mailed");
        await portal.DeliveriesSettledAsync();

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var today = LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow);
        async Task<long> DeliveredTodayAsync(string channel) =>
            await db.DailyDeliveryCounts.AsNoTracking().Where(c => c.Day == today && c.Channel == channel).SumAsync(c => c.Delivered);
        var countedBefore = await DeliveredTodayAsync(LicensingPortal.Api.Domain.NotificationChannels.Email);

        // Two e-mails and a webhook to an account that has no webhook address: the webhook cannot be sent.
        var first = Builders.DecisionNotice(application.Id, applicant.Id);
        var failing = Builders.DecisionNotice(application.Id, applicant.Id, LicensingPortal.Api.Domain.NotificationChannels.Webhook);
        var last = Builders.DecisionNotice(application.Id, applicant.Id);
        db.OutboxMessages.AddRange(first, failing, last);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var job = ActivatorUtilities.CreateInstance<DeliverNotification.Job>(scope.ServiceProvider);
        await job.RunManyAsync([first.Id, failing.Id, last.Id, first.Id], CancellationToken.None);

        Assert.Equal(3, MessagesTo(email).Length);
        var stored = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == first.Id || m.Id == failing.Id || m.Id == last.Id).ToDictionaryAsync(m => m.Id);
        Assert.NotNull(stored[first.Id].ProcessedAt);
        Assert.NotNull(stored[last.Id].ProcessedAt);
        Assert.Null(stored[failing.Id].ProcessedAt);
        Assert.Equal(1, stored[failing.Id].Attempts);
        Assert.Contains("webhook", stored[failing.Id].LastError, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(stored[failing.Id].NextAttemptAt);
        Assert.Equal(countedBefore + 2, await DeliveredTodayAsync(LicensingPortal.Api.Domain.NotificationChannels.Email));

        // Delivered messages are not claimed again: a repeat of the job sends nothing.
        await job.RunManyAsync([first.Id, last.Id], CancellationToken.None);
        Assert.Equal(3, MessagesTo(email).Length);

        // The unsendable webhook would wait for its retries; the class's later tests expect a settled outbox.
        await db.OutboxMessages.Where(m => m.Id == failing.Id).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task ABatchsEmails_ReadTogether_AreTheEmailsComposedOneByOne()
    {
        using var english = await portal.ApplicantAsync();
        await english.Client.PutAsJsonAsync("/api/me/preferences", new { language = "en", emailNotifications = true });
        using var indonesian = await portal.ApplicantAsync();
        var approved = await english.Client.SubmitAsync(await english.Client.RestaurantAsync());
        var rejected = await indonesian.Client.SubmitAsync(await indonesian.Client.RestaurantAsync() with { Declarations = [] });
        await portal.DeliveriesSettledAsync();

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.SubjectId == approved.Id || m.SubjectId == rejected.Id) && m.Type == LicensingPortal.Api.Domain.NoticeKind.DecisionMade.Type)
            .ToListAsync();
        Assert.Equal(2, messages.Count);
        var email = scope.ServiceProvider.GetRequiredService<DecisionEmail>();

        var together = await email.ComposeManyAsync(messages, CancellationToken.None);

        Assert.Equal(2, together.Count);
        foreach (var message in messages)
        {
            var alone = await email.ComposeAsync(message, CancellationToken.None);
            Assert.Equal(alone.Subject, together[message.Id].Subject);
            Assert.Equal(alone.MessageId, together[message.Id].MessageId);
            Assert.Equal(alone.To.ToString(), together[message.Id].To.ToString());
            Assert.Equal(alone.TextBody, together[message.Id].TextBody);
            Assert.Equal(alone.HtmlBody, together[message.Id].HtmlBody);
        }

        var approval = together[messages.Single(m => m.SubjectId == approved.Id).Id];
        Assert.Equal(Say.En("Notice.Approved.Title", Builders.SoleProprietor().Name), approval.Subject);
        // Each permit issued with its number and how long it holds; none listed with an empty value; the way to the
        // decision's page, where they are downloaded, as a whole link.
        var britain = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        foreach (var permit in approved.Permits)
        {
            var holds = permit.ValidUntil is { } until ? Say.En("Email.Decision.ValidUntil", until.ToString("d MMMM yyyy", britain)) : Say.En("Email.Decision.NoExpiry");
            Assert.Contains($": {permit.Number}, {holds} (", approval.TextBody, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"^- [^\n]*:\s*$", System.Text.RegularExpressions.RegexOptions.Multiline), approval.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains($"{Say.En("Email.Decision.Open.Approved")}\nhttp://localhost/pemohon/permohonan/{approved.Id}\n", approval.TextBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(Say.Id("Notice.Rejected.Title", Builders.SoleProprietor().Name), together[messages.Single(m => m.SubjectId == rejected.Id).Id].Subject);
    }

    [Fact]
    public async Task CommittedNotification_WhoseJobWasLostInACrash_IsDeliveredOnceAfterRestart()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        Guid applicationId;
        // An instance without a job server stands for a process that died after committing, before its job ran.
        await using (var crashed = portal.Create(new Dictionary<string, string?>(Settings(portal)) { ["Jobs:RunServer"] = "false", ["Jobs:EnqueueOnCommit"] = "false" }))
        {
            using var applicant = await Accounts.CreateAsync(crashed, LicensingPortal.Api.Infrastructure.Auth.Roles.Applicant);
            var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
            applicationId = (await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, await applicant.Client.UploadAsync()))).Id;
        }

        Assert.Empty(MessagesTo(email));
        // The restarted instance's clock is past the sweep's grace period. Its sweep runs here rather than through
        // the job queue: on PostgreSQL the queue is shared, and the fixture's job server (on the real clock, inside
        // the grace period) could take the sweep and rightly leave the row alone.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + SweepOutbox.Grace + TimeSpan.FromMinutes(1));
        await using var restarted = portal.Create(new Dictionary<string, string?>(Settings(portal)) { ["Jobs:RunServer"] = "true" }, later);
        using var _ = restarted.CreateClient();
        await using var scope = restarted.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();

        await scope.ServiceProvider.GetRequiredService<SweepOutbox.Job>().RunAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => MessagesTo(email).Length == 1, "the sweep re-enqueues and delivers the lost notification");
        await Eventually.TrueAsync(async () => await db.OutboxMessages.AnyAsync(m => m.SubjectId == applicationId && m.ProcessedAt != null), "the row is marked delivered");
        await scope.ServiceProvider.GetRequiredService<SweepOutbox.Job>().RunAsync(CancellationToken.None);
        Assert.Single(MessagesTo(email));
    }

    private static Dictionary<string, string?> Settings(SmtpPortal portal) => new(Portal.DefaultSettings())
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = portal.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
    };

    /// <summary>The host's e-mail sender, which keeps SMTP connections.</summary>
    private LicensingPortal.Api.Infrastructure.Email.SmtpEmailSender SmtpSender() =>
        Assert.IsType<LicensingPortal.Api.Infrastructure.Email.SmtpEmailSender>(portal.Factory.Services.GetRequiredService<LicensingPortal.Api.Infrastructure.Email.IEmailSender>());

    private ReceivedMail[] MessagesTo(string address) =>
        portal.Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToArray();
}

public sealed class DecisionNotificationTestsOnSqlite(SqliteSmtpPortal portal) : DecisionNotificationTests(portal), IClassFixture<SqliteSmtpPortal>;

public sealed class DecisionNotificationTestsOnPostgres(PostgresSmtpPortal portal) : DecisionNotificationTests(portal), IClassFixture<PostgresSmtpPortal>;

public sealed class PickupFolderTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task WithoutSmtpServer_EachDecision_IsWrittenAsAnEmlFileInTheDataFolder()
    {
        using var applicant = await portal.ApplicantAsync();
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());

        var pickup = Path.Combine(portal.DataDirectory, "mail-pickup");
        await Eventually.TrueAsync(() => Directory.Exists(pickup) && Directory.EnumerateFiles(pickup, "*.eml").Any(f => File.ReadAllText(f).Contains(LicensingPortal.Api.Domain.ApplicationReference.Of(application.Id), StringComparison.Ordinal)), "an .eml file for the decision appears");
    }
}
