using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Pages.Pemohon.Permohonan;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>
/// Asks before deleting a draft not sent (the same use case as DELETE /api/applications/drafts/{id}): its answers
/// cannot be brought back; the documents stay. Another applicant's draft is "not found"; a sent one leads to the list.
/// </summary>
public sealed class HapusModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid DraftId { get; set; }

    public ApplicationDraftView Draft { get; private set; } = null!;

    /// <summary>The draft as the list of applications names it: its business and kind.</summary>
    public string Name { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await Sender.Send(new GetApplicationDraft.Query(UserId, DraftId), cancellationToken);
        if (!draft.Succeeded)
        {
            return Failure(draft.Error!);
        }

        if (draft.Value.SubmittedApplicationId is not null)
        {
            return LocalRedirect("/pemohon/permohonan");
        }

        Draft = draft.Value;
        var businesses = (await Sender.Send(new ListBusinesses.Query(UserId), cancellationToken)).Value;
        Name = new DraftRows([Draft], businesses.ToDictionary(b => b.Id, b => b.Name)).Name(Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var deleted = await Sender.Send(new DeleteApplicationDraft.Command(UserId, DraftId), cancellationToken);
        if (deleted.Succeeded)
        {
            return LocalRedirect("/pemohon/permohonan?draf-dihapus=true");
        }

        // Sent meanwhile (another tab), or deleted already by a second tap: the list says where it stands.
        return deleted.Error!.Code is ErrorCodes.DraftAlreadySubmitted or ErrorCodes.DraftNotFound ? LocalRedirect("/pemohon/permohonan") : Failure(deleted.Error);
    }
}
