using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace LicensingPortal.Api.Infrastructure.Transparency;

/// <summary>
/// A signed promise (as a Certificate Transparency SCT): the entry with <paramref name="LeafHash"/>, written at
/// <paramref name="TimestampMs"/>, will be in the log within <paramref name="MaxMergeDelaySeconds"/>. The signature
/// is Ed25519 over <paramref name="Body"/> with the log's key (/api/transparency/public-key.pem).
/// </summary>
public sealed record LogPromise(string LeafHash, long TimestampMs, int MaxMergeDelaySeconds, string Body, string Signature, string Algorithm);

/// <summary>Signs log checkpoints with Ed25519; anyone can check them with the published public key.</summary>
public sealed class CheckpointSigner : IDisposable
{
    public const string Origin = "licensingportal.kupangkota.go.id/transparency";
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key key;

    private CheckpointSigner(byte[] seed)
    {
        key = Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey);
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        PublicKeyPem = Encoding.ASCII.GetString(key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));
    }

    public byte[] PublicKey { get; }

    /// <summary>The public key as a PEM "PUBLIC KEY" (SubjectPublicKeyInfo), which OpenSSL reads.</summary>
    public string PublicKeyPem { get; }

    /// <summary>The signed text: origin, tree size, root hash (base64) and time, one per line, as in a transparency-log checkpoint.</summary>
    public static string Body(long size, byte[] root, DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{Origin}\n{size}\n{Convert.ToBase64String(root)}\n{time.ToUnixTimeSeconds()}\n");

    /// <summary>
    /// The text a promise signs (as a Certificate Transparency SCT): the log will hold the entry with this leaf hash
    /// within the maximum merge delay of the time given.
    /// </summary>
    public static string PromiseBody(byte[] leafHash, long timestampMs, int maxMergeDelaySeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{Origin}/promise\n{Convert.ToHexStringLower(leafHash)}\n{timestampMs}\n{maxMergeDelaySeconds}\n");

    /// <summary>The log's signed promise to integrate <paramref name="entry"/> within the maximum merge delay of its time.</summary>
    public LogPromise Promise(TransparencyLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var body = PromiseBody(entry.LeafHash, entry.OccurredAtMs, TransparencyOptions.MaxMergeDelaySeconds);
        return new LogPromise(Convert.ToHexStringLower(entry.LeafHash), entry.OccurredAtMs, TransparencyOptions.MaxMergeDelaySeconds, body, Convert.ToBase64String(Sign(body)), "Ed25519");
    }

    public byte[] Sign(string body) => Algorithm.Sign(key, Encoding.UTF8.GetBytes(body));

    public static bool Verify(byte[] publicKey, string body, byte[] signature) =>
        Algorithm.Verify(NSec.Cryptography.PublicKey.Import(Algorithm, publicKey, KeyBlobFormat.RawPublicKey), Encoding.UTF8.GetBytes(body), signature);

    public static CheckpointSigner Create(TransparencyOptions options, string dataDirectory, bool embedded)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return new CheckpointSigner(Convert.FromBase64String(options.SigningKey));
        }

        if (!embedded)
        {
            throw new InvalidOperationException("Set Transparency:SigningKey (base64 Ed25519 seed, 32 bytes) to run on PostgreSQL; the embedded default generates its own.");
        }

        var path = Path.Combine(dataDirectory, "keys", "transparency-ed25519.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        return new CheckpointSigner(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public void Dispose() => key.Dispose();
}
