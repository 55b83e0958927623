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

    /// <summary>
    /// Where uploaded documents are kept. Unset: a folder under <see cref="DataDirectory"/> on a node that runs
    /// alone (Node:Role all), the database on web and worker nodes, which must all read what any of them received.
    /// </summary>
    public DocumentStore? Documents { get; set; }

    /// <summary>With <c>Documents</c> <c>Folder</c> on web and worker nodes: the data folder is one volume every node mounts.</summary>
    public bool SharedDocumentFolder { get; set; }

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    /// <summary>
    /// The PostgreSQL connection string (ConnectionStrings:Postgres), or null for the embedded default. Unless it
    /// says otherwise, a pooled connection is not reset (DISCARD ALL) each time it goes back to the pool: nothing
    /// in the app or the job storage keeps session state on pooled connections (the integrator's advisory lock has
    /// a connection of its own), and without the reset the statements Npgsql prepares automatically stay prepared.
    /// </summary>
    public static string? PostgresConnectionString(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Postgres") is not { Length: > 0 } connection)
        {
            return null;
        }

        // Npgsql's builder knows every keyword; the plain one says which the configured string sets.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 50;
        }

        return builder.ConnectionString;
    }
}
