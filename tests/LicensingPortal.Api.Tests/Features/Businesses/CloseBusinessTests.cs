using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Businesses;

/// <summary>
/// Closing a business (penutupan) by its owner: its NIB and permits end that day as closed (not revoked), its
/// unsent drafts go, no reminder comes after, nothing more can be applied for, renewed or changed, and the log holds it.
/// </summary>
public abstract class CloseBusinessTests(Portal portal)
{
    [Fact]
    public async Task Closing_EndsEveryPermitAsClosed_DiscardsDrafts_StopsReminders_AndIsLogged()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] };
        var approved = await applicant.Client.SubmitAsync(request);
        var hygiene = approved.Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var other = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor("Kios Ina Sabu"));
        var draft = await (await applicant.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(request.BusinessId, null), TestJson.Options)).Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options);
        var otherDraft = await (await applicant.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(other, null), TestJson.Options)).Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options);

        var unconfirmed = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/closure", new CloseBusiness.Request(false), TestJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        using var stranger = await portal.ApplicantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/closure", new CloseBusiness.Request(true), TestJson.Options)).StatusCode);

        using var anyone = portal.Factory.CreateClient();
        var month = Wita.Today(TimeProvider.System).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var activeBefore = await ActiveAsync(anyone, month, approved.Kecamatan!);

        var closing = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/closure", new CloseBusiness.Request(true), TestJson.Options);

        Assert.Equal(HttpStatusCode.OK, closing.StatusCode);
        var closed = await closing.Content.ReadFromJsonAsync<BusinessResponse>(TestJson.Options);
        Assert.Equal(Wita.Today(TimeProvider.System), closed!.ClosedOn);
        var permits = (await applicant.Client.GetFromJsonAsync<List<PermitResponse>>("/api/permits", TestJson.Options))!;
        Assert.All(permits.Where(p => p.BusinessId == request.BusinessId), p => Assert.Equal(PermitStatus.Closed, p.Status));
        Assert.Equal(approved.Permits.Count, permits.Count(p => p.BusinessId == request.BusinessId));
        using var anonymous = portal.Factory.CreateClient();
        var verified = await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(hygiene.VerificationUrl).PathAndQuery, TestJson.Options);
        Assert.Equal(VerifyPermit.Closed, verified!.Status);
        Assert.Equal(closed.ClosedOn, verified.EndedOn);
        var pdf = await PdfText.ReadAsync(await applicant.Client.GetByteArrayAsync($"/api/permits/{hygiene.Number}/document"));
        Assert.Contains("USAHA DITUTUP pada", pdf, StringComparison.Ordinal);
        Assert.Contains("BUSINESS CLOSED on", pdf, StringComparison.Ordinal);

        // Counted: one business fewer active in its kecamatan (the statistics of another month are read: each month's
        // answer is cached for a while, and the active businesses are today's whatever the month), one closure today.
        var lastMonth = Wita.Today(TimeProvider.System).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(activeBefore - 1, await ActiveAsync(anyone, lastMonth, approved.Kecamatan!));
        using var mayor = await portal.StaffAsync(Api.Infrastructure.Auth.Roles.Mayor);
        var today = Wita.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var events = (await mayor.Client.GetFromJsonAsync<List<Api.Features.Reports.ReportLifeEvents.LifeEvents>>($"/api/reports/life-events?from={today}&to={today}", TestJson.Options))!;
        var here = events.Single(e => e.Kecamatan == approved.Kecamatan);
        Assert.True(here.Closures >= 1 && here.NewApprovals >= 1, $"{here}");

        // The owner's record of the day, in the inbox and by e-mail, with what to do at once if it was not them.
        await portal.DeliveriesSettledAsync();
        var inbox = (await applicant.Client.GetFromJsonAsync<List<Api.Features.Me.ListNotifications.Item>>("/api/me/notifications", TestJson.Options))!;
        var notice = Assert.Single(inbox, n => n.Type == NoticeKind.BusinessClosed.Type);
        Assert.Equal((request.BusinessId, Web.Say.Id("Notice.BusinessClosed.Title", Builders.SoleProprietor().Name)), (notice.SubjectId, notice.Title));
        Assert.EndsWith(Web.Say.Id("Notice.BusinessClosed.Body", Builders.SoleProprietor().Name, "§").Split('§')[1], notice.Body, StringComparison.Ordinal);
        var mails = await Mailbox.MessagesToAsync(portal.DataDirectory, Builders.SoleProprietor().Email);
        Assert.Contains(mails, m => m.Subject == notice.Title && m.TextBody!.ReplaceLineEndings("\n").Contains($"{Web.Say.Id("Notice.BusinessClosed.NewPassword")}:\nhttp://localhost/akun/lupa-sandi\n\n{Web.Say.Id("Notice.BusinessClosed.Recover")}:\nhttp://localhost/akun/pulihkan\n\n{Web.Say.Id("Notice.BusinessClosed.Ask")}:\nhttp://localhost/pemohon/tanya?tentang=usaha", StringComparison.Ordinal));

        var drafts = (await applicant.Client.GetFromJsonAsync<List<ApplicationDraftView>>("/api/applications/drafts", TestJson.Options))!;
        Assert.DoesNotContain(drafts, d => d.Id == draft!.Id);
        Assert.Contains(drafts, d => d.Id == otherDraft!.Id);

        // Nothing more for a closed business: no application, no draft, no change, no second closing.
        await ExpectClosedAsync(await applicant.Client.PostAsJsonAsync("/api/applications", request, TestJson.Options));
        await ExpectClosedAsync(await applicant.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(request.BusinessId, null), TestJson.Options));
        await ExpectClosedAsync(await applicant.Client.PutAsJsonAsync($"/api/businesses/{request.BusinessId}/details", new ChangeBusinessDetails.Request("Warung Baru", "Jl. Baru 1", "baru@example.com", null, null), TestJson.Options));
        await ExpectClosedAsync(await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/closure", new CloseBusiness.Request(true), TestJson.Options));

        // Its permits are not renewed, and its reminders stop: the 90-day reminder day passes without one.
        var clock = new FakeTimeProvider(new DateTimeOffset(hygiene.ValidUntil!.Value.AddDays(-30).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero));
        await using var later = portal.Create(time: clock);
        using var client = later.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Accounts.LoginAsync(client, applicant.Email, applicant.Password));
        var renewal = await client.PostAsJsonAsync($"/api/permits/{hygiene.Number}/renewal", request, TestJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, renewal.StatusCode);
        Assert.Contains("\"errorCode\":\"business_closed\"", await renewal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = later.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindPermitExpiry.Job>().RunAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var hygieneId = await db.Permits.Where(p => p.Number == hygiene.Number).Select(p => p.Id).SingleAsync();
        Assert.Empty(await db.InboxNotifications.Where(n => n.SubjectId == hygieneId && n.Type == NoticeKind.PermitExpiring.Type).ToListAsync());
        Assert.Equal(1, await db.TransparencyLog.CountAsync(e => e.SubjectId == request.BusinessId && e.Type == LogEntryTypes.BusinessClosed));
        // A reminder raised before the closing and still queued (or retrying) is done without being sent.
        var queued = OutboxMessage.Raise(NoticeKind.PermitExpiring, NotificationChannels.Email, hygieneId, applicant.Id, "{}", DateTimeOffset.UtcNow);
        await using (var raising = portal.Factory.Services.CreateAsyncScope())
        {
            var raisingDb = raising.ServiceProvider.GetRequiredService<LicensingDbContext>();
            raisingDb.OutboxMessages.Add(queued);
            await raisingDb.SaveChangesAsync();
            await raising.ServiceProvider.GetRequiredService<DeliverNotification.Job>().RunAsync(queued.Id, CancellationToken.None);
            Assert.NotNull((await raisingDb.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.Id)).ProcessedAt);
        }

        var pickup = Path.Combine(portal.DataDirectory, "mail-pickup");
        Assert.DoesNotContain(
            Directory.Exists(pickup) ? Directory.EnumerateFiles(pickup, "*.eml") : [],
            file => File.ReadAllText(file).Contains(queued.Id.ToString(), StringComparison.Ordinal));

        await Settle.LogIntegratedAsync(portal.Factory.Services);
        await using var main = portal.Factory.Services.CreateAsyncScope();
        var verification = await main.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Valid, verification.Problem);
    }

    private static async Task<long> ActiveAsync(HttpClient client, string month, string kecamatan)
    {
        var statistics = await client.GetFromJsonAsync<Api.Features.Reports.ShowPublicStatistics.Response>($"/api/public/statistics?month={month}", TestJson.Options);
        return statistics!.ActiveBusinesses!.SingleOrDefault(r => r.Key == kecamatan)?.Businesses ?? 0;
    }

    private static async Task ExpectClosedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"Expected 409, got {(int)response.StatusCode}: {text}");
        Assert.Contains("\"errorCode\":\"business_closed\"", text, StringComparison.Ordinal);
    }
}

public sealed class CloseBusinessTestsOnSqlite(SqlitePortal portal) : CloseBusinessTests(portal), IClassFixture<SqlitePortal>;

public sealed class CloseBusinessTestsOnPostgres(PostgresPortal portal) : CloseBusinessTests(portal), IClassFixture<PostgresPortal>;
