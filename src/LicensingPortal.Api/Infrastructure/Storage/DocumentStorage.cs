using System.Security.Cryptography;

namespace LicensingPortal.Api.Infrastructure.Storage;

/// <summary>Where uploaded files live. A local folder by default; an object store can take its place.</summary>
public interface IDocumentStorage
{
    /// <summary>Stores the content under a new key and returns the key and the content's SHA-256 (lowercase hex).</summary>
    Task<(string Key, string Sha256, long Size)> SaveAsync(Guid id, Stream content, CancellationToken cancellationToken);

    Stream Open(string key);
}

public sealed class LocalFolderDocumentStorage(string root) : IDocumentStorage
{
    public async Task<(string Key, string Sha256, long Size)> SaveAsync(Guid id, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Path.Combine(id.ToString("N")[..2], id.ToString("N"));
        var path = Path.Combine(root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var temporary = path + ".part";
        long size = 0;
        await using (var file = File.Create(temporary))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }

        File.Move(temporary, path, overwrite: true);
        return (key, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public Stream Open(string key) => File.OpenRead(Path.Combine(root, key));
}
