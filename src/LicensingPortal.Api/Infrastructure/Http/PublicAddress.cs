using LicensingPortal.Api.Infrastructure.Permits;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>
/// The address the public reaches the service at, for links that leave the service (QR codes, e-mails):
/// Permits:PublicBaseUrl when set, else the address the current request came in on.
/// </summary>
public sealed class PublicAddress(IOptions<PermitOptions> options, IHttpContextAccessor http)
{
    public string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the public address from; set Permits:PublicBaseUrl.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
