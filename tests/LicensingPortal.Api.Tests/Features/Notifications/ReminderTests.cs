using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Notifications;

/// <summary>Reminders 90, 30 and 7 days before a permit's last valid day, on the right local (WITA) dates, then expiry.</summary>
public abstract class ReminderTests(Portal portal)
{
    [Fact]
    public async Task Reminders_FireOnTheirLocalDates_OnceEach_ThenThePermitExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = portal.Create(time: clock);
        using var applicant = await Accounts.CreateAsync(host, Roles.Applicant);
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] };
        var permit = (await applicant.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var lastDay = permit.ValidUntil!.Value;

        // 23:59 WITA on the day before the 90-day mark is still too early; 00:00 WITA on it is on time.
        await RunOnAsync(host, clock, WitaMidnight(lastDay.AddDays(-90)).AddMinutes(-1));
        Assert.Empty(await NoticesAsync(host, permit, LicensingPortal.Api.Domain.NoticeKind.PermitExpiring.Type));
        await RunOnAsync(host, clock, WitaMidnight(lastDay.AddDays(-90)));
        await RunOnAsync(host, clock, WitaMidnight(lastDay.AddDays(-90)).AddHours(12));
        var first = Assert.Single(await NoticesAsync(host, permit, LicensingPortal.Api.Domain.NoticeKind.PermitExpiring.Type));
        // Titled by what the permit is and whose it is, in the owner's language, not by its number.
        var business = await BusinessNameAsync(host, request.BusinessId);
        Assert.Contains(business, first.Title, StringComparison.Ordinal);
        Assert.Contains("90", first.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(permit.Number, first.Title, StringComparison.Ordinal);

        await RunOnAsync(host, clock, WitaMidnight(lastDay.AddDays(-30)).AddHours(8));
        await RunOnAsync(host, clock, WitaMidnight(lastDay.AddDays(-7)).AddHours(8));
        await RunOnAsync(host, clock, WitaMidnight(lastDay).AddHours(20));
        Assert.Equal(3, (await NoticesAsync(host, permit, LicensingPortal.Api.Domain.NoticeKind.PermitExpiring.Type)).Count);
        Assert.Empty(await NoticesAsync(host, permit, LicensingPortal.Api.Domain.NoticeKind.PermitExpired.Type));

        await RunOnAsync(host, clock, WitaMidnight(lastDay.AddDays(1)));
        await RunOnAsync(host, clock, WitaMidnight(lastDay.AddDays(2)));
        Assert.Single(await NoticesAsync(host, permit, LicensingPortal.Api.Domain.NoticeKind.PermitExpired.Type));
        await using var scope = host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Permits.SingleAsync(p => p.Number == permit.Number);
        Assert.Equal(PermitStatus.Expired, stored.Status);
    }

    private static async Task<string> BusinessNameAsync(PortalFactory host, Guid businessId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Businesses.Where(b => b.Id == businessId).Select(b => b.Name).SingleAsync();
    }

    /// <summary>00:00 WITA (UTC+8) on a local date, as a UTC instant.</summary>
    private static DateTimeOffset WitaMidnight(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();

    private static async Task RunOnAsync(PortalFactory host, FakeTimeProvider clock, DateTimeOffset instant)
    {
        clock.SetUtcNow(instant);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindPermitExpiry.Job>().RunAsync(CancellationToken.None);
    }

    private static async Task<List<InboxNotification>> NoticesAsync(PortalFactory host, PermitResponse permit, string type)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var id = await db.Permits.Where(p => p.Number == permit.Number).Select(p => p.Id).SingleAsync();
        return await db.InboxNotifications.Where(n => n.SubjectId == id && n.Type == type).ToListAsync();
    }
}

public sealed class ReminderTestsOnSqlite(SqlitePortal portal) : ReminderTests(portal), IClassFixture<SqlitePortal>;

public sealed class ReminderTestsOnPostgres(PostgresPortal portal) : ReminderTests(portal), IClassFixture<PostgresPortal>;
