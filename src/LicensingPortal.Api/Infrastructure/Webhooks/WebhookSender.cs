using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace LicensingPortal.Api.Infrastructure.Webhooks;

/// <summary>
/// Sends a webhook: the body signed with HMAC-SHA256 over "timestamp.body" with the recipient's secret, the
/// notification id in a header so receivers can drop repeats. The address is checked when it is registered
/// and again when the connection is made (against DNS rebinding): loopback, link-local and private
/// addresses are refused unless configured otherwise.
/// </summary>
public sealed class WebhookSender(HttpClient http)
{
    public const string SignatureHeader = "X-LicensingPortal-Signature";
    public const string IdHeader = "X-LicensingPortal-Notification-Id";
    public const string EventHeader = "X-LicensingPortal-Event";

    public async Task SendAsync(string url, string secret, Guid notificationId, string eventType, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(IdHeader, notificationId.ToString());
        request.Headers.Add(EventHeader, eventType);
        request.Headers.Add(SignatureHeader, $"t={timestamp},v1={Sign(secret, timestamp, body)}");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Webhook receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>Why an address may not receive webhooks, or null when it may.</summary>
    public static string? Problem(string url, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowInsecureHttp && uri.Scheme == Uri.UriSchemeHttp)))
        {
            return Texts.Get("Validation.Webhook.Https");
        }

        if (!options.AllowPrivateAddresses && IsLocalName(uri))
        {
            return Texts.Get("Validation.Webhook.Private");
        }

        return null;
    }

    /// <summary>
    /// A loopback, link-local or private host however it is spelled: localhost with or without a trailing dot or in
    /// capitals, any *.localhost, an address in decimal, hex or short form (127.1, 2130706433, 0x7f.1), or IPv4 inside
    /// IPv6. Names that resolve to such addresses are refused again when connecting.
    /// </summary>
    public static bool IsLocalName(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        return uri.IsLoopback
            || host.Length == 0
            || host is "localhost" or "localhost.localdomain" or "ip6-localhost" or "ip6-loopback"
            || host.EndsWith(".localhost", StringComparison.Ordinal)
            || (IPAddress.TryParse(host, out var address) && IsPrivate(address));
    }

    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] == 0
            || b[0] >= 224;
    }

    /// <summary>The HTTP handler: refuses, at connect time, any resolved address that is private (unless allowed).</summary>
    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => options.AllowPrivateAddresses || !IsPrivate(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"Webhook host {context.DnsEndPoint.Host} resolves only to refused addresses.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
