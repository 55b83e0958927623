using System.Net;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Npgsql;

namespace LicensingPortal.Api.Tests.Hostile;

/// <summary>
/// PostgreSQL restarting under the app (its connections cut, new ones refused, through a TCP relay): submissions
/// answer 503 problem+json with Retry-After, never 500, and once the database is back the same request with its
/// Idempotency-Key succeeds without the app being restarted.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private TcpProxy proxy = null!;
    private PortalFactory factory = null!;
    private readonly string data = Directory.CreateTempSubdirectory("lp-outage-").FullName;

    public async ValueTask InitializeAsync()
    {
        var direct = new NpgsqlConnectionStringBuilder(await PostgresCluster.Instance.CreateDatabaseAsync("lpoutage"));
        proxy = new TcpProxy(new IPEndPoint(IPAddress.Parse(direct.Host!), direct.Port));
        proxy.Start();
        // While cut, the relay refuses connections at once: the connect timeout only bounds a slow start on a busy machine
        // (3 s timed out beside the fuzz tests on two cores).
        var relayed = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 15 };
        factory = new PortalFactory(data, relayed.ConnectionString, Portal.DefaultSettings());
        factory.CreateClient().Dispose();
    }

    [Fact]
    public async Task WhileTheDatabaseIsDown_SubmissionsAnswer503WithRetryAfter_AndRecoverByThemselves()
    {
        using var applicant = await Accounts.CreateAsync(factory, Api.Infrastructure.Auth.Roles.Applicant);
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();

        await proxy.CutAsync();
        var during = await applicant.Client.PostKeyedAsync(request, key);

        await SubmitApplicationTests.AssertProblemAsync(during, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");

        proxy.Start();
        HttpResponseMessage? after = null;
        await Eventually.TrueAsync(
            async () =>
            {
                after = await applicant.Client.PostKeyedAsync(request, key);
                Assert.True(after.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{(int)after.StatusCode}: {await after.Content.ReadAsStringAsync()}");
                return after.StatusCode == HttpStatusCode.Created;
            },
            "the submission succeeds once the database is back");
        var again = await applicant.Client.PostKeyedAsync(request, key);
        Assert.Equal(await after!.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await proxy.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}
