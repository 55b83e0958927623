using LicensingPortal.Api.Features.Documents;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Dokumen;

/// <summary>
/// Uploads a document (the same use case and checks as POST /api/documents), lists one's documents, and opens one to
/// look at it (GET /api/documents/{id}/content: another applicant's is "not found").
/// </summary>
[RequestSizeLimit(UploadDocument.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = UploadDocument.MaxBytes + (1024 * 1024))]
public sealed class IndexModel : PortalPage
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The application page to go back to after uploading.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kembali { get; set; }

    public string Back => LocalOr(Kembali, "/pemohon/dokumen");

    public IReadOnlyList<DocumentResponse> Documents { get; private set; } = [];

    public IReadOnlyList<Choice> Kinds { get; } = DocumentKinds.All.Order(StringComparer.Ordinal).Select(k => new Choice(k, Texts.Get($"DocumentKind.{k}"))).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = (await Sender.Send(new ListDocuments.Query(UserId), cancellationToken)).Value;

    /// <summary>One's own document as uploaded, shown in the browser (a photo to check it is sharp, a PDF to read).</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await Sender.Send(new DownloadDocument.Query(UserId, id), cancellationToken);
        if (!document.Succeeded)
        {
            return Failure(document.Error!);
        }

        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(document.Value.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.ContentSecurityPolicy = Infrastructure.Web.SecurityHeaders.FilePolicy;
        return File(document.Value.Content, document.Value.ContentType);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Texts.Get("Documents.Upload.Choose"));
        }
        else
        {
            await using var content = Upload.OpenReadStream();
            var uploaded = await Sender.Send(new UploadDocument.Command(UserId, Kind, Upload.FileName, Upload.Length, content), cancellationToken);
            if (uploaded.Succeeded)
            {
                return LocalRedirect(Back);
            }

            ShowErrors(uploaded.Error!, new Dictionary<string, string> { ["kind"] = nameof(Kind), ["fileName"] = nameof(Upload) });
            if (uploaded.Error!.Errors is null)
            {
                ModelState.Remove(string.Empty);
                ModelState.AddModelError(nameof(Upload), Describe(uploaded.Error));
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
