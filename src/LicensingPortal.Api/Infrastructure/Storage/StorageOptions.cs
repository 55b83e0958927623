using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Storage;

/// <summary>
/// Where the app keeps its state. With no PostgreSQL connection string it runs embedded: SQLite, the e-mail
/// pickup folder and keys under <see cref="DataDirectory"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = "data";

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    /// <summary>The PostgreSQL connection string (ConnectionStrings:Postgres), or null for the embedded default.</summary>
    public static string? PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres") is { Length: > 0 } connection ? connection : null;
}
