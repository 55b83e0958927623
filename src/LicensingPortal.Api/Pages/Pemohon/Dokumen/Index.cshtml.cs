using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace LicensingPortal.Api.Pages.Pemohon.Dokumen;

/// <summary>
/// Uploads a document (the same use case and checks as POST /api/documents), lists one's documents, and opens one to
/// look at it (GET /api/documents/{id}/content: another applicant's is "not found").
/// </summary>
[RequestSizeLimit(UploadedFiles.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFiles.RequestLimit)]
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

    /// <summary>The draft whose documents page sent the applicant here: what they upload is attached to it at once.</summary>
    [BindProperty(SupportsGet = true, Name = "draf")]
    public Guid? Draf { get; set; }

    public IReadOnlyList<DocumentResponse> Documents { get; private set; } = [];

    /// <summary>The document whose deletion is being confirmed.</summary>
    public DocumentResponse? ToDelete { get; private set; }

    /// <summary>Whether a document was just deleted (said in a banner).</summary>
    [BindProperty(SupportsGet = true, Name = "dihapus")]
    public bool Deleted { get; set; }

    public IReadOnlyList<Choice> Kinds { get; } = DocumentKinds.InOrder.Select(k => new Choice(k, Texts.Get($"DocumentKind.{k}"))).ToList();

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

        return InlineFile(document.Value.Content, document.Value.ContentType, document.Value.FileName);
    }

    /// <summary>Asks before deleting: a deleted file cannot be brought back.</summary>
    public async Task<IActionResult> OnGetConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        ToDelete = Documents.FirstOrDefault(d => d.Id == id);
        // One a sent application names is kept: the list says so beside it.
        return ToDelete is null ? NotFound() : ToDelete.Attached ? LocalRedirect("/pemohon/dokumen") : Page();
    }

    /// <summary>Deletes one's own document (the same use case as DELETE /api/documents/{id}).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await Sender.Send(new DeleteDocument.Command(UserId, id), cancellationToken);
        if (deleted.Succeeded)
        {
            return LocalRedirect("/pemohon/dokumen?dihapus=true");
        }

        if (deleted.Error!.Status == StatusCodes.Status404NotFound)
        {
            // Sent twice (a second tap, the back button): the first one deleted it. Another applicant's id says no more.
            return LocalRedirect("/pemohon/dokumen");
        }

        ModelState.AddModelError(string.Empty, Describe(deleted.Error));
        await OnGetAsync(cancellationToken);
        return Page();
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
                if (Kembali is null)
                {
                    return LocalRedirect(Back);
                }

                // Uploaded to go with an application: it is attached to its draft (ticked, and counted by the check),
                // and the page it goes back to says so (an objection's page ticks it among its evidence).
                // (A draft sent meanwhile, in another tab, is left as it was: its page then says where it stands.)
                if (Draf is { } draftId)
                {
                    await Sender.Send(new AttachDocumentToDraft.Command(UserId, draftId, uploaded.Value.Id), cancellationToken);
                }

                return LocalRedirect(QueryHelpers.AddQueryString(Back, "dilampirkan", uploaded.Value.Id.ToString()));
            }

            ShowErrors(uploaded.Error!, new Dictionary<string, string> { ["kind"] = nameof(Kind), ["fileName"] = nameof(Upload) });
            if (uploaded.Error!.Errors is null)
            {
                ModelState.Remove(string.Empty);
                ModelState.AddModelError(nameof(Upload), Describe(uploaded.Error));
            }

            // A kind not chosen: the file, not kept, is chosen again.
            AskForFilesAgain([Upload], nameof(Upload), "Documents.Upload.Again");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
