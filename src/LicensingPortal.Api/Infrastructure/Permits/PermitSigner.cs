using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// Signs permits with HMAC-SHA256 over their number, type, business, issue date and expiry, so a printed or
/// forwarded permit can be checked online: a code that does not match is treated as unknown.
/// </summary>
public sealed class PermitSigner(byte[] key)
{
    public string Sign(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var payload = string.Join(
            '|',
            permit.Number,
            permit.Type,
            permit.BusinessId.ToString("N"),
            permit.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            permit.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)))[..20];
    }

    public bool Verify(Permit permit, string? code) =>
        code is { Length: 20 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(permit)), Encoding.ASCII.GetBytes(code.ToLowerInvariant()));

    /// <summary>The key from configuration; in the embedded default one generated once and kept in the data folder.</summary>
    public static PermitSigner Create(PermitOptions options, string dataDirectory, bool embedded)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Convert.FromBase64String(options.SigningKey);
            return configured.Length >= 32 ? new PermitSigner(configured) : throw new InvalidOperationException("Permits:SigningKey must be at least 32 bytes (base64).");
        }

        if (!embedded)
        {
            throw new InvalidOperationException("Set Permits:SigningKey (base64, 32 bytes or more) to run on PostgreSQL; the embedded default generates its own.");
        }

        var path = Path.Combine(dataDirectory, "keys", "permit-signing.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        return new PermitSigner(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
