using System.Data.Common;
using System.Net;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

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
    private async Task<int> CountAsync(Guid applicantId, string key)
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

    public async Task<(T Result, int Opened, int Committed)> CountAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var counter = new Counter();
        current.Value = counter;
        try
        {
            var result = await action();
            return (result, counter.Opened, counter.Committed);
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
    }

    internal sealed class Interceptor(DatabaseProbe probe) : DbConnectionInterceptor, IDbTransactionInterceptor
    {
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

public sealed class IdempotentSubmissionTestsOnPostgres(PostgresProbedPortal portal) : IdempotentSubmissionTests(portal), IClassFixture<PostgresProbedPortal>;
