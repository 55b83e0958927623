using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>The real API host, over HTTP in memory, on SQLite (a data folder of its own) or on PostgreSQL.</summary>
public sealed class PortalFactory(string dataDirectory, string? postgresConnection, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    public string? PostgresConnection { get; } = postgresConnection;

    /// <summary>PBKDF2 rounds of a password's hash made by an in-memory host (the service's own default is 100,000).</summary>
    public const int TestPasswordRounds = 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development: a scoped service captured by a singleton is an error at start, not a shared DbContext later.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.UseSetting("ConnectionStrings:Postgres", PostgresConnection ?? string.Empty);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Rules:Directory", Path.Combine(TestPaths.RepositoryRoot, "rules"));
        builder.UseSetting("Rules:SeedsDirectory", Path.Combine(TestPaths.RepositoryRoot, "seeds"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new FileErrorLoggerProvider(Path.Combine(DataDirectory, "host.log"))));
        // A password's hash keeps its kind (PBKDF2 with HMAC-SHA512, salted, Identity's format) and its work factor is
        // written in it, so a hash made here is checked as any other. The service's 100,000 rounds are a cost, not a
        // behaviour, as the test cluster's fsync=off is: at that cost the hashing of the tests' many sign-ins and
        // registrations took a tenth of the test run's processor time on this 2-core machine (perf, 2026-12-07). The
        // separate processes of the multi-node tests hash at the service's own cost.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordRounds));
        if (time is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(time)));
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>
    /// The in-memory server says where it listens, as Kestrel does (at the address the tests' clients call): links a
    /// background job writes, with no request to take the address from, lead where they would on the service's machine.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var server = host.Services.GetRequiredService<IServer>();
        if (server.Features.Get<IServerAddressesFeature>() is not { Addresses.Count: > 0 })
        {
            var listening = new ServerAddressesFeature();
            listening.Addresses.Add("http://localhost");
            server.Features.Set<IServerAddressesFeature>(listening);
        }

        return host;
    }
}
