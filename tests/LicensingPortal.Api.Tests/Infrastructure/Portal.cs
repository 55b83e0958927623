using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One running API host for a test class, on the provider the subclass names, with its own database and data
/// folder, removed afterwards. Subclasses exist per provider so every integration test runs on both.
/// </summary>
public abstract class Portal(DatabaseProvider provider) : IAsyncLifetime
{
    private PortalFactory? factory;

    public DatabaseProvider Provider { get; } = provider;

    public PortalFactory Factory => factory ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client { get; private set; } = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("lp-data-").FullName;

    public string? PostgresConnection { get; private set; }

    public virtual async ValueTask InitializeAsync()
    {
        PostgresConnection = await SchemaTemplates.DatabaseForAsync(Provider, DataDirectory, "lp", FromSchemaTemplate);

        factory = Create(Settings());
        Client = factory.CreateClient();
    }

    /// <summary>
    /// Whether the host starts on a copy of the schema migrated once per run (<see cref="SchemaTemplates"/>) rather than
    /// on an empty database, which it migrates as the service's first start does.
    /// </summary>
    protected virtual bool FromSchemaTemplate => true;

    /// <summary>
    /// Another host on the same database and data folder (a restart, or a second instance). A host on a clock of
    /// its own serves HTTP only unless the settings say otherwise: its job server would take jobs from the shared
    /// PostgreSQL queue and date their effects (a delivery counted, a permit expired) by its clock, not the real one.
    /// </summary>
    public PortalFactory Create(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var effective = new Dictionary<string, string?>(settings ?? Settings());
        if (time is not null)
        {
            effective.TryAdd("Jobs:RunServer", "false");
        }

        return new(DataDirectory, PostgresConnection, effective, time, ConfigureServices);
    }

    /// <summary>Services a subclass adds to or changes in every host it starts (probes of what the app does).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Settings every test host gets; subclasses add their own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings() => DefaultSettings();

    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Permits:SigningKey"] = "dGVzdC1rZXktZm9yLXBlcm1pdC1zaWduaW5nLWluLXRlc3RzLW9ubHk=",
        ["Transparency:SigningKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        ["RateLimits:AuthPermitLimit"] = "100000",
        ["RateLimits:SubmissionPermitLimit"] = "100000",
        ["RateLimits:PublicPermitLimit"] = "100000",
        ["RateLimits:PrecheckPermitLimit"] = "100000",
        ["RateLimits:ReportPermitLimit"] = "100000",
    };

    /// <summary>A new confirmed applicant account and a client that sends its bearer token.</summary>
    public Task<Account> ApplicantAsync() => Accounts.CreateAsync(Factory, Roles.Applicant);

    /// <summary>A new confirmed account with a staff role, and a client that sends its bearer token.</summary>
    public Task<Account> StaffAsync(string role) => Accounts.CreateAsync(Factory, role);

    /// <summary>Waits until the integrator has given every committed log entry its place.</summary>
    public Task LogIntegratedAsync() => Settle.LogIntegratedAsync(Factory.Services);

    /// <summary>Waits until the roll-up has folded every decision's contribution into the counters.</summary>
    public Task CountersRolledUpAsync() => Settle.CountersRolledUpAsync(Factory.Services);

    /// <summary>Waits until the job server has delivered every notification raised so far (deliveries write counters).</summary>
    public Task DeliveriesSettledAsync() =>
        Eventually.TrueAsync(
            async () =>
            {
                await using var scope = Factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                return !await db.OutboxMessages.AnyAsync(m => m.ProcessedAt == null && m.DeadLetteredAt == null);
            },
            "every notification is delivered");

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("LICENSINGPORTAL_KEEP_TEST_DATA") is null)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePortal() : Portal(DatabaseProvider.Sqlite);

public sealed class PostgresPortal() : Portal(DatabaseProvider.Postgres);

/// <summary>A host on an empty database: its start applies every migration, as the service's first start does.</summary>
public class EmptyDatabasePortal(DatabaseProvider provider) : Portal(provider)
{
    protected override bool FromSchemaTemplate => false;
}

public sealed class EmptySqlitePortal() : EmptyDatabasePortal(DatabaseProvider.Sqlite);

public sealed class EmptyPostgresPortal() : EmptyDatabasePortal(DatabaseProvider.Postgres);
