using System.Security.Cryptography;

namespace LicensingPortal.Api.Infrastructure.Storage;

/// <summary>Where uploaded files live: a folder (the embedded default) or the database every node shares (<see cref="DocumentStore"/>).</summary>
public interface IDocumentStorage
{
    /// <summary>Stores the content under a new key and returns the key and the content's SHA-256 (lowercase hex).</summary>
    Task<(string Key, string Sha256, long Size)> SaveAsync(Guid id, Stream content, CancellationToken cancellationToken);

    /// <summary>The content under the key; null when its bytes are gone (a folder restored without a file), said as not found, never a failure.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the content under the key with the unit of work: bytes in the database go in its transaction; a file
    /// goes once the transaction has committed (<paramref name="afterCommit"/>), so a failed commit never leaves a
    /// record without its file (a crash between the two leaves a file no record names, nothing worse).
    /// </summary>
    Task RemoveAsync(string key, Jobs.AfterCommit afterCommit, CancellationToken cancellationToken);
}

/// <summary>Where this node keeps uploaded documents (setting <c>Storage:Documents</c>).</summary>
public enum DocumentStore
{
    /// <summary>A folder under the data directory: one node, or nodes that share the folder (docs/operations.md).</summary>
    Folder,

    /// <summary>The database: every node reads what any node received, and backups hold the documents too.</summary>
    Database,
}

public sealed partial class LocalFolderDocumentStorage(string root) : IDocumentStorage
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

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(File.OpenRead(Path.Combine(root, key)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task RemoveAsync(string key, Jobs.AfterCommit afterCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterCommit);
        afterCommit.Run(() => File.Delete(Path.Combine(root, key)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The files this store wrote (<c>xx/&lt;id&gt;</c>, or an unfinished <c>.part</c> of one) last written before
    /// <paramref name="utc"/>, with the document id in their name. Anything else in the folder is not a document's file
    /// and is left out; a folder that cannot be read is skipped.
    /// </summary>
    public IEnumerable<(string Key, Guid DocumentId)> DocumentFilesWrittenBefore(DateTime utc)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            var key = Path.GetRelativePath(root, path);
            var match = FileName().Match(key.Replace('\\', '/'));
            if (match.Success && Guid.TryParseExact(match.Groups["id"].Value, "N", out var id) && File.GetLastWriteTimeUtc(path) < utc)
            {
                yield return (key, id);
            }
        }
    }

    /// <summary>Moves a file aside to <c>.orphaned/&lt;day&gt;/</c>; false when it could not be (gone already, or held open).</summary>
    public bool TrySetAside(string key, DateOnly day)
    {
        var path = Path.Combine(root, key);
        var aside = Path.Combine(root, SetAsideFolder, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(key));
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
            File.Move(path, aside, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Deletes what was set aside before <paramref name="day"/>.</summary>
    public void PurgeSetAside(DateOnly day)
    {
        var aside = Path.Combine(root, SetAsideFolder);
        if (!Directory.Exists(aside))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(aside))
        {
            if (DateOnly.TryParseExact(Path.GetFileName(folder), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var set) && set < day)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Tried again the next night.
                }
            }
        }
    }

    /// <summary>Where files no document names wait before they are deleted.</summary>
    public const string SetAsideFolder = ".orphaned";

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{2}/(?<id>[0-9a-f]{32})(\\.part)?$")]
    private static partial System.Text.RegularExpressions.Regex FileName();
}

/// <summary>
/// Documents in the database, added to the request's unit of work: the bytes commit with the document's record or
/// not at all. Uploads are at most 10 MB, so one is held in memory while it is hashed and stored. Documents kept
/// in the folder before a node switched to the database still open from there.
/// </summary>
public sealed class DatabaseDocumentStorage(LicensingDbContext db, LocalFolderDocumentStorage folder) : IDocumentStorage
{
    private const string KeyPrefix = "db/";

    public async Task<(string Key, string Sha256, long Size)> SaveAsync(Guid id, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var key = KeyPrefix + id.ToString("N");
        db.DocumentContents.Add(DocumentContent.Of(key, bytes));
        return (key, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return await folder.OpenAsync(key, cancellationToken);
        }

        var bytes = await db.DocumentContents.AsNoTracking().Where(c => c.Key == key).Select(c => c.Content).SingleOrDefaultAsync(cancellationToken);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }

    public async Task RemoveAsync(string key, Jobs.AfterCommit afterCommit, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            await folder.RemoveAsync(key, afterCommit, cancellationToken);
            return;
        }

        // Deleted by its key, without reading its bytes (up to 10 MB) only to throw them away.
        if (await db.DocumentContents.AnyAsync(c => c.Key == key, cancellationToken))
        {
            db.DocumentContents.Remove(DocumentContent.Of(key, []));
        }
    }
}
