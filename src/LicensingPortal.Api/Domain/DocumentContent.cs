namespace LicensingPortal.Api.Domain;

/// <summary>
/// An uploaded file's bytes, kept in the database when documents are stored there (<c>Storage:Documents</c>
/// <c>Database</c>, the default for web and worker nodes): every node reads what any node received, and the bytes
/// commit in the same transaction as the document's record, so neither is ever kept without the other.
/// </summary>
public sealed class DocumentContent
{
    private DocumentContent()
    {
    }

    /// <summary>The storage key the document's record names.</summary>
    public string Key { get; private set; } = string.Empty;

    public byte[] Content { get; private set; } = [];

    public static DocumentContent Of(string key, byte[] content) => new() { Key = key, Content = content };
}
