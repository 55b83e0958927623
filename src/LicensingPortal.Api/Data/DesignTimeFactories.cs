using Microsoft.EntityFrameworkCore.Design;

namespace LicensingPortal.Api.Data;

/// <summary>Lets `dotnet ef migrations add --context PostgresLicensingDbContext` build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLicensingDbContext>
{
    public PostgresLicensingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresLicensingDbContext>();
        PostgresLicensingDbContext.Configure(builder, "Host=localhost;Database=licensingportal");
        return new PostgresLicensingDbContext(builder.Options);
    }
}

/// <summary>Lets `dotnet ef migrations add --context SqliteLicensingDbContext` build the model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLicensingDbContext>
{
    public SqliteLicensingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteLicensingDbContext>();
        SqliteLicensingDbContext.Configure(builder, "Data Source=design.db");
        return new SqliteLicensingDbContext(builder.Options);
    }
}
