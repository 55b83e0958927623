using LicensingPortal.Api.Features.Documents;

namespace LicensingPortal.Api.Pages.Pemohon;

/// <summary>One's uploaded documents as checkboxes, as the application's documents step and an objection's evidence offer them: the kind, then the file and when it came.</summary>
public static class DocumentChoices
{
    public static IReadOnlyList<Choice> Of(IEnumerable<DocumentResponse> documents) =>
        [.. documents.Select(d => new Choice(d.Id.ToString(), Texts.Get($"DocumentKind.{d.Kind}"), $"{d.FileName} · {Cultures.Wita(d.UploadedAt)}"))];
}
