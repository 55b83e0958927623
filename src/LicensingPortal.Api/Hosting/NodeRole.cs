using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Hosting;

/// <summary>What one process of the service does (setting <c>Node:Role</c>, <c>Node__Role</c> in the environment).</summary>
public enum NodeRole
{
    /// <summary>Pages, API and every background duty in one process: the embedded default (docs/operations.md).</summary>
    All,

    /// <summary>Pages and API. Commits work (outbox rows, log entries, jobs) that a worker carries out; any number can run.</summary>
    Web,

    /// <summary>The job server (deliveries, reminders, what-if runs), the outbox sweep, the log integrator and report roll-up, and health.</summary>
    Worker,
}

/// <summary>Reads and checks the node's role before anything else is built, and sets what the role implies.</summary>
public static class Node
{
    public const string RoleSetting = "Node:Role";

    /// <summary>
    /// The role from <c>Node:Role</c> (or the older <c>--role api|worker</c>). Web and worker nodes share one
    /// PostgreSQL, so either needs its connection string. A web node runs no job server and stands for no election;
    /// a worker runs the job server whatever <c>Jobs:RunServer</c> says.
    /// </summary>
    public static NodeRole Configure(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var given = configuration[RoleSetting];
        if (string.IsNullOrWhiteSpace(given))
        {
            given = configuration["role"] switch
            {
                "api" => "web",
                { Length: > 0 } legacy => legacy,
                _ => "all",
            };
        }

        if (!Enum.TryParse<NodeRole>(given.Trim(), ignoreCase: true, out var role) || !Enum.IsDefined(role) || given.Trim().All(char.IsDigit))
        {
            throw Refused($"Node:Role must be all, web or worker, not '{given}'.");
        }

        if (role != NodeRole.All && StorageOptions.PostgresConnectionString(configuration) is null)
        {
            throw Refused($"Node:Role {role.ToString().ToLowerInvariant()} runs beside other nodes on one PostgreSQL: set ConnectionStrings:Postgres (the embedded default is one process, Node:Role all).");
        }

        if (role != NodeRole.All)
        {
            var documents = configuration["Storage:Documents"];
            if (string.IsNullOrWhiteSpace(documents))
            {
                configuration["Storage:Documents"] = nameof(DocumentStore.Database);
            }
            else if (string.Equals(documents.Trim(), nameof(DocumentStore.Folder), StringComparison.OrdinalIgnoreCase)
                && !string.Equals(configuration["Storage:SharedDocumentFolder"], "true", StringComparison.OrdinalIgnoreCase))
            {
                throw Refused("Storage:Documents Folder keeps each node's uploads on its own disk: use Database, or set Storage:SharedDocumentFolder true when Storage:DataDirectory is one volume every node mounts.");
            }
        }

        switch (role)
        {
            case NodeRole.Web:
                configuration["Jobs:RunServer"] = "false";
                configuration["Transparency:Integrate"] = "false";
                break;
            case NodeRole.Worker:
                configuration["Jobs:RunServer"] = "true";
                break;
        }

        _ = TrustedProxyNetworks(configuration);
        configuration[RoleSetting] = role.ToString();
        return role;
    }

    /// <summary>
    /// The networks whose proxies' X-Forwarded-For and X-Forwarded-Proto are believed (<c>Proxy:TrustedNetworks</c>,
    /// CIDR, comma-separated); a wrong entry stops the start naming it, as every other wrong setting does.
    /// </summary>
    public static IReadOnlyList<System.Net.IPNetwork> TrustedProxyNetworks(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (configuration["Proxy:TrustedNetworks"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!System.Net.IPNetwork.TryParse(entry, out var network))
            {
                throw Refused("Proxy:TrustedNetworks", $"Proxy:TrustedNetworks must list networks in CIDR form, comma-separated (such as 10.0.0.0/8,172.16.0.0/12, or 10.0.0.5/32 for one proxy); '{entry}' is not one.");
            }

            networks.Add(network);
        }

        return networks;
    }

    private static OptionsValidationException Refused(string message) => Refused(RoleSetting, message);

    private static OptionsValidationException Refused(string setting, string message) => new(setting, typeof(NodeRole), [message]);
}

/// <summary>This process's role, for the services that act on it (readiness).</summary>
public sealed record ThisNode(NodeRole Role);
