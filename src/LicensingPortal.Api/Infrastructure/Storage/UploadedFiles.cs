namespace LicensingPortal.Api.Infrastructure.Storage;

/// <summary>
/// What every upload of the service (a document, a report's evidence) is held to: at most 10 MB, a PDF, JPEG or PNG by
/// its first bytes (never its name or declared type), kept and downloaded under a safe name.
/// </summary>
public static class UploadedFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The largest request that carries one upload and its form fields.</summary>
    public const long RequestLimit = MaxBytes + (1024 * 1024);

    /// <summary>What a file input offers to choose: the types <see cref="Sniff"/> accepts, by extension and by type.</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    /// <summary>What a file input for a photo offers to choose: JPEG and PNG pictures (the camera among them on a phone).</summary>
    public const string AcceptPhotos = ".jpg,.jpeg,.png,image/jpeg,image/png";

    /// <summary>The content type a file's first bytes show, or null when it is none of the accepted types.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };

    /// <summary>The content type a stream's first bytes show (<see cref="Sniff"/>), read from where it stands.</summary>
    public static async Task<string?> SniffAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[8];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return Sniff(head.AsSpan(0, read));
    }

    /// <summary>
    /// The name a file is kept and downloaded under: its last path segment only, without control characters, quotes or
    /// separators, at most 120 characters; "dokumen" when nothing is left.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var kept = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '\'' or ';' or ':' or '<' or '>' or '|' or '*' or '?')).ToArray()).Trim().Trim('.');
        return kept.Length == 0 ? "dokumen" : kept.Length <= 120 ? kept : kept[..120];
    }
}
