using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Security;

public sealed class EndpointPolicyTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public void EveryEndpoint_NamesAPolicyOrIsExplicitlyPublic()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        var unguarded = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(unguarded);
    }

    [Fact]
    public void PublicEndpoints_AreOnlyAccountsVerificationStatisticsReportsOfDemandsHealthAssetsAndTheApiDescription()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        var publicPaths = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText ?? string.Empty);

        Assert.All(publicPaths, path => Assert.Matches(
            @"^/?(api/auth/|api/verify/|api/transparency/|api/public/|health/|openapi/|scalar|(css|js|lib)/|favicon\.|$|index$|akun/|bahasa/|kesalahan/|cek-izin|statistik|transparansi|bantuan|lapor)",
            path));
    }
}
