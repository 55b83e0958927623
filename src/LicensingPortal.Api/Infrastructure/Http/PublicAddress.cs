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
        var address = addresses.Select(BindingAddress.Parse).Where(a => !a.IsUnixPipe)
            .OrderBy(a => a.Scheme == Uri.UriSchemeHttps ? 0 : 1).FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var host = address.Host is "0.0.0.0" or "[::]" or "+" or "*" ? "localhost" : address.Host;
        var port = (address.Scheme, address.Port) is ("http", 80) or ("https", 443) ? string.Empty : $":{address.Port}";
        return $"{address.Scheme}://{host}{port}{address.PathBase.TrimEnd('/')}";
    }
}
