namespace LicensingPortal.Api.Infrastructure.Hosting;

/// <summary>
/// Where the app keeps its state. With no PostgreSQL connection string it runs embedded: SQLite, the e-mail
/// pickup folder and keys under <see cref="DataDirectory"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDirectory { get; set; } = "data";

    public static string? PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres") is { Length: > 0 } connection ? connection : null;

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);
}
