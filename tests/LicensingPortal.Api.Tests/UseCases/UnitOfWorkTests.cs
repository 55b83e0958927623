using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.UseCases;

/// <summary>
/// A command's notices and log entries are part of its unit of work: they commit with its change, and when the
/// change cannot be stored, none of them exists. The command here is a real one (an Admin revoking a permit); the
/// failure is a real one too: the database refuses the update.
/// </summary>
public abstract class UnitOfWorkTests(Portal portal)
{
    [Fact]
    public async Task Command_ItsNoticeAndLogEntry_CommitWithItsChange()
    {
        var (permit, ownerId) = await IssuedPermitAsync();

        var result = await SendAsync(new RevokePermit.Command(Guid.NewGuid(), permit, "Usaha tidak lagi beroperasi di lokasi ini."));

        Assert.True(result.Succeeded);
        var state = await StateOfAsync(permit, ownerId);
        Assert.Equal(PermitStatus.Revoked, state.Status);
        Assert.Equal(1, state.Notices);
        Assert.Equal(1, state.Emails);
        Assert.Equal(1, state.LogEntries);
    }

    [Fact]
    public async Task Command_WhoseChangeCannotBeStored_LeavesNeitherNoticeNorLogEntry()
    {
        var (permit, ownerId) = await IssuedPermitAsync();
        var logSizeBefore = await LogSizeAsync();
        await ExecuteAsync(portal.Provider == DatabaseProvider.Sqlite
            ? "CREATE TRIGGER refuse_permit_update BEFORE UPDATE ON permits BEGIN SELECT RAISE(ABORT, 'permits are read-only in this test'); END;"
            : """
              CREATE FUNCTION refuse_permit_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'permits are read-only in this test'; END $$;
              CREATE TRIGGER refuse_permit_update BEFORE UPDATE ON permits FOR EACH ROW EXECUTE FUNCTION refuse_permit_update();
              """);
        try
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => SendAsync(new RevokePermit.Command(Guid.NewGuid(), permit, "Usaha tidak lagi beroperasi di lokasi ini.")));
        }
        finally
        {
            await ExecuteAsync(portal.Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER refuse_permit_update;"
                : "DROP TRIGGER refuse_permit_update ON permits; DROP FUNCTION refuse_permit_update();");
        }

        var state = await StateOfAsync(permit, ownerId);
        Assert.Equal(PermitStatus.Active, state.Status);
        Assert.Equal(0, state.Notices);
        Assert.Equal(0, state.Emails);
        Assert.Equal(0, state.LogEntries);
        Assert.Equal(logSizeBefore, await LogSizeAsync());
    }

    private sealed record State(PermitStatus Status, int Notices, int Emails, int LogEntries);

    private async Task<(string Number, Guid OwnerId)> IssuedPermitAsync()
    {
        using var applicant = await portal.ApplicantAsync();
        var approved = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        return (Assert.Single(approved.Permits).Number, applicant.Id);
    }

    private async Task<Api.Infrastructure.Errors.Result<PermitResponse>> SendAsync(RevokePermit.Command command)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private async Task<State> StateOfAsync(string number, Guid ownerId)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var permit = await db.Permits.AsNoTracking().SingleAsync(p => p.Number == number);
        return new State(
            permit.Status,
            await db.InboxNotifications.CountAsync(n => n.UserId == ownerId && n.Type == LicensingPortal.Api.Domain.NoticeKind.PermitRevoked.Type),
            await db.OutboxMessages.CountAsync(m => m.SubjectId == permit.Id && m.Type == LicensingPortal.Api.Domain.NoticeKind.PermitRevoked.Type),
            await db.TransparencyLog.CountAsync(e => e.SubjectId == permit.Id && e.Type == LogEntryTypes.PermitRevoked));
    }

    private async Task<long> LogSizeAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().TransparencyLog.LongCountAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}

/// <summary>Commands sent outside a request (as a job sends them) take the public address from configuration.</summary>
public abstract class OffRequestPortal(DatabaseProvider provider) : Portal(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings() =>
        new Dictionary<string, string?>(DefaultSettings()) { ["Permits:PublicBaseUrl"] = "https://izin.kupangkota.go.id" };
}

public sealed class SqliteOffRequestPortal() : OffRequestPortal(DatabaseProvider.Sqlite);

public sealed class PostgresOffRequestPortal() : OffRequestPortal(DatabaseProvider.Postgres);

public sealed class UnitOfWorkTestsOnSqlite(SqliteOffRequestPortal portal) : UnitOfWorkTests(portal), IClassFixture<SqliteOffRequestPortal>;

public sealed class UnitOfWorkTestsOnPostgres(PostgresOffRequestPortal portal) : UnitOfWorkTests(portal), IClassFixture<PostgresOffRequestPortal>;
