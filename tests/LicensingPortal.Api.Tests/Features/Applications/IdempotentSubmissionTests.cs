using System.Data.Common;
using System.Net;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicensingPortal.Api.Tests.Features.Applications;

/// <summary>
/// A keyed submission is one unit of work: its key, its application and its stored response commit together on one
/// connection, so a crash before the commit leaves nothing behind and the retry runs once.
/// </summary>
public abstract class IdempotentSubmissionTests(ProbedPortal portal)
{
    [Fact]
    public async Task ACrashBetweenClaimAndCommit_LeavesNothingBehind_AndTheRetryMakesOneApplication()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();

        portal.Probe.CrashNextKeyedCommit();
        var crashed = await applicant.Client.PostKeyedAsync(request, key);

        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        Assert.Equal(0, await CountAsync(applicant.Id, key));
        var retry = await applicant.Client.PostKeyedAsync(request, key);
        var again = await applicant.Client.PostKeyedAsync(request, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(applicant.Id, key));
    }

    [Fact]
    public async Task AKeyedSubmission_OpensOneConnection_AndCommitsOnce()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();

        var (response, opened, committed) = await portal.Probe.CountAsync(() => applicant.Client.PostKeyedAsync(request, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, opened);
        Assert.Equal(1, committed);
    }

    [Fact]
    public async Task AKeyedSubmission_SendsNoMoreRoundTripsThanAnUnkeyedOne_ItsKeyGoesInTheUseCasesOwnBatch()
    {
        using var applicant = await portal.ApplicantAsync();
        using var warmUp = await applicant.Client.PostJsonAsync("/api/applications", await applicant.Client.RestaurantAsync(), key: null);
        var unkeyedRequest = await applicant.Client.RestaurantAsync();
        var keyedRequest = await applicant.Client.RestaurantAsync();

        var unkeyed = await portal.Probe.CountCommandsAsync(() => applicant.Client.PostJsonAsync("/api/applications", unkeyedRequest, key: null));
        var keyed = await portal.Probe.CountCommandsAsync(() => applicant.Client.PostKeyedAsync(keyedRequest, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Created, unkeyed.Result.StatusCode);
        Assert.Equal(HttpStatusCode.Created, keyed.Result.StatusCode);
        Assert.True(unkeyed.Commands > 0);

        // PostgreSQL gets the key's INSERT in the batch of the use case's writes; SQLite, in the process, runs each
        // statement as a command of its own (EF does not batch for it), so there the key is one command more.
        Assert.Equal(unkeyed.Commands + (portal.Provider == DatabaseProvider.Postgres ? 0 : 1), keyed.Commands);
    }

    [Fact]
    public async Task ARepeatOfAnAnsweredKey_IsAnsweredFromTheStore_AndAnotherRequestWithIt_Is422_LeavingNothingOfEither()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await applicant.Client.PostKeyedAsync(request, key);
        var firstBody = await first.Content.ReadAsStringAsync();

        using var repeat = await applicant.Client.PostKeyedAsync(request, key);
        using var other = await applicant.Client.PostKeyedAsync(request with { Employees = request.Employees + 1 }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("idempotency_key_reused", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(applicant.Id, key));
    }

    [Fact]
    public async Task TheAnswerIsStoredCompressed_AndAnAnswerStoredAsSentByAnEarlierVersion_IsStillAnsweredByteForByte()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await applicant.Client.PostKeyedAsync(request, key);
        var sent = await first.Content.ReadAsByteArrayAsync();
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var stored = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == applicant.Id && r.Key == key);

        Assert.Equal("br", stored.BodyEncoding);
        Assert.True(stored.Body.Length * 3 < sent.Length, $"{stored.Body.Length} bytes stored for an answer of {sent.Length}");
        Assert.Equal(sent, stored.ResponseBody());

        await db.IdempotencyRecords.Where(r => r.Id == stored.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Body, sent).SetProperty(r => r.BodyEncoding, (string?)null));
        using var repeat = await applicant.Client.PostKeyedAsync(request, key);

        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(sent, await repeat.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await CountAsync(applicant.Id, key));
    }

    [Fact]
    public async Task ConcurrentRepeats_OfOneKey_MakeOneApplication_AndAnswerTheSameBytes()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => applicant.Client.PostKeyedAsync(request, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
        Assert.Equal(1, await CountAsync(applicant.Id, key));
    }

    /// <summary>The applications of the account and, where a key is stored, checks there is exactly one record for it.</summary>
    protected async Task<int> CountAsync(Guid applicantId, string key)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var records = await db.IdempotencyRecords.CountAsync(r => r.UserId == applicantId && r.Key == key);
        var applications = await db.Applications.CountAsync(a => db.Businesses.Any(b => b.Id == a.BusinessId && b.OwnerId == applicantId));
        Assert.Equal(applications, records);
        return applications;
    }
}

/// <summary>Counts what the requests a test sends do with the database, and can make one keyed commit fail as a crash would.</summary>
public sealed class DatabaseProbe
{
    private readonly AsyncLocal<Counter?> current = new();
    private int crashNext;

    public void CrashNextKeyedCommit() => Interlocked.Exchange(ref crashNext, 1);

    public async Task<(T Result, int Commands)> CountCommandsAsync<T>(Func<Task<T>> action)
    {
        var (result, _, _, commands) = await CountAllAsync(action);
        return (result, commands);
    }

    public async Task<(T Result, int Opened, int Committed)> CountAsync<T>(Func<Task<T>> action)
    {
        var (result, opened, committed, _) = await CountAllAsync(action);
        return (result, opened, committed);
    }

    private async Task<(T Result, int Opened, int Committed, int Commands)> CountAllAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var counter = new Counter();
        current.Value = counter;
        try
        {
            var result = await action();
            return (result, counter.Opened, counter.Committed, counter.Commands);
        }
        finally
        {
            current.Value = null;
        }
    }

    internal void Opened()
    {
        if (current.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Opened);
        }
    }

    internal void Executing()
    {
        if (current.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Commands);
        }
    }

    internal void Committing(DbContext? context)
    {
        if (current.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Committed);
        }

        if (context is not null && context.ChangeTracker.Entries<IdempotencyRecord>().Any() && Interlocked.Exchange(ref crashNext, 0) == 1)
        {
            throw new IOException("The process died between the key's claim and the commit.");
        }
    }

    private sealed class Counter
    {
        public int Opened;
        public int Committed;
        public int Commands;
    }

    /// <summary>Counts connections opened, commands sent (a batch of statements is one) and commits.</summary>
    internal sealed class Interceptor(DatabaseProbe probe) : DbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
    {
        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            probe.Executing();
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            probe.Executing();
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            probe.Executing();
            return ValueTask.FromResult(result);
        }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            probe.Opened();
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => probe.Opened();

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            probe.Committing(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            probe.Committing(eventData.Context);
            return result;
        }
    }
}

/// <summary>A portal whose requests pass through a <see cref="DatabaseProbe"/> (test requests keep their async context in the server).</summary>
public abstract class ProbedPortal(DatabaseProvider provider) : Portal(provider)
{
    public DatabaseProbe Probe { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        var interceptor = new DatabaseProbe.Interceptor(Probe);
        services.ConfigureDbContext<PostgresLicensingDbContext>(options => options.AddInterceptors(interceptor));
        services.ConfigureDbContext<SqliteLicensingDbContext>(options => options.AddInterceptors(interceptor));
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.Server.PreserveExecutionContext = true;
    }
}

public sealed class SqliteProbedPortal() : ProbedPortal(DatabaseProvider.Sqlite);

public sealed class PostgresProbedPortal() : ProbedPortal(DatabaseProvider.Postgres);

public sealed class IdempotentSubmissionTestsOnSqlite(SqliteProbedPortal portal) : IdempotentSubmissionTests(portal), IClassFixture<SqliteProbedPortal>;

public sealed class IdempotentSubmissionTestsOnPostgres(PostgresProbedPortal portal) : IdempotentSubmissionTests(portal), IClassFixture<PostgresProbedPortal>
{
    [Fact]
    public async Task ARepeatThatWaitsOutTheCommandTimeout_OnAFirstStillRunning_Is409InProgress_AndStoresNothing()
    {
        // A host whose commands time out after 2 s, and a first request with the key that has not committed: its
        // uncommitted key holds the unique index, as a slow first request's would.
        var settings = Portal.DefaultSettings();
        settings["ConnectionStrings:Postgres"] = portal.PostgresConnection + ";Command Timeout=2";
        settings["Jobs:RunServer"] = "false";
        await using var host = portal.Create(settings);
        using var applicant = await Accounts.CreateAsync(host, Roles.Applicant);
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();
        await using var first = new NpgsqlConnection(portal.PostgresConnection);
        await first.OpenAsync();
        await using var running = await first.BeginTransactionAsync();
        await using (var claim = new NpgsqlCommand("INSERT INTO idempotency_records (id, user_id, key, request_hash, completed, status_code, body, created_at) VALUES (gen_random_uuid(), $1, $2, 'first', true, 201, ''::bytea, now())", first, running))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = applicant.Id });
            claim.Parameters.Add(new NpgsqlParameter { Value = key });
            await claim.ExecuteNonQueryAsync();
        }

        using var repeat = await applicant.Client.PostKeyedAsync(request, key);
        await running.RollbackAsync();

        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Contains("idempotency_request_in_progress", await repeat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(applicant.Id, key));
    }
}
