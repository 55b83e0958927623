using LicensingPortal.Api.Infrastructure.Permits;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>
/// The address the public reaches the service at, for links that leave the service (QR codes, e-mails):
/// Permits:PublicBaseUrl when set, else the address the current request came in on, else (a background job, which has
/// no request) the address the service listens on, as the embedded default on one machine is reached.
/// </summary>
public sealed class PublicAddress(IOptions<PermitOptions> options, IHttpContextAccessor http, IServer server)
{
    public string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        if (http.HttpContext?.Request is { } request)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return Listening() ?? throw new InvalidOperationException("No request to take the public address from, and the service listens on none; set Permits:PublicBaseUrl.");
    }

    /// <summary>The address the server listens on (https first), a wildcard host read as this machine; null when it has none.</summary>
    private string? Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var host = address.Split("://", 2) is [var scheme, var rest] ? (scheme, rest) : ("http", address);
        var (hostAndPort, path) = host.Item2.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? (host.Item2[..slash], host.Item2[slash..]) : (host.Item2, string.Empty);
        var port = hostAndPort.LastIndexOf(':') is var colon and >= 0 && !hostAndPort.EndsWith(']') ? hostAndPort[colon..] : string.Empty;
        var name = hostAndPort[..(hostAndPort.Length - port.Length)];
        if (name is "0.0.0.0" or "[::]" or "+" or "*" or "")
        {
            name = "localhost";
        }

        return $"{host.Item1}://{name}{port}{path.TrimEnd('/')}";
    }
}
