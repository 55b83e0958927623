using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Hosting;

/// <summary>
/// The model and each provider's migrations agree: a change to the model without its migration fails here, since a
/// start with nothing to migrate no longer compares them (see DatabaseSetup.MigrateAndSeedAsync).
/// </summary>
public abstract class ModelSnapshotTests(Portal portal)
{
    [Fact]
    public async Task TheModel_HasNoChangeWithoutAMigration_AndEveryMigrationIsApplied()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingPortal.Api.Data.LicensingDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration makes: add one with dotnet ef migrations add, for both providers");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}

public sealed class ModelSnapshotTestsOnSqlite(SqlitePortal portal) : ModelSnapshotTests(portal), IClassFixture<SqlitePortal>;

public sealed class ModelSnapshotTestsOnPostgres(PostgresPortal portal) : ModelSnapshotTests(portal), IClassFixture<PostgresPortal>;
