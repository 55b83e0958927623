namespace LicensingPortal.Api.Features.Documents;

/// <summary>A document's metadata as its owner reads it; whether a sent application names it (then it is kept as that application's evidence).</summary>
public sealed record DocumentResponse(Guid Id, string Kind, string ContentType, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, bool Attached = false)
{
    public static DocumentResponse From(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document.Id, document.Kind, document.ContentType, document.FileName, document.SizeBytes, document.Sha256, document.UploadedAt);
    }
}
