namespace LicensingPortal.Api.Domain;

/// <summary>An uploaded file: its type decided by its content, its SHA-256, and the account that uploaded it.</summary>
public sealed class Document
{
    private Document()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    /// <summary>What the document is (ktp, akta-pendirian, npwp, sppl, ukl-upl, amdal, pbg, denah-lokasi, foto-lokasi, lainnya).</summary>
    public string Kind { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public string StorageKey { get; private set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; private set; }

    public static Document Uploaded(Guid id, Guid ownerId, string kind, string contentType, string fileName, long size, string sha256, string storageKey, DateTimeOffset now) => new()
    {
        Id = id,
        OwnerId = ownerId,
        Kind = kind,
        ContentType = contentType,
        FileName = fileName,
        SizeBytes = size,
        Sha256 = sha256,
        StorageKey = storageKey,
        UploadedAt = now,
    };
}

public static class DocumentKinds
{
    /// <summary>
    /// The kinds in the order an applicant is offered them: what most applicants attach first (an owner's identity
    /// card), an SPPL, made on the environment question by choosing it, near the end.
    /// </summary>
    public static readonly IReadOnlyList<string> InOrder =
        ["ktp", "akta-pendirian", "npwp", "pbg", "denah-lokasi", "foto-lokasi", "ukl-upl", "amdal", "sppl", "lainnya"];

    public static readonly IReadOnlySet<string> All = InOrder.ToHashSet(StringComparer.Ordinal);
}
