using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Pages.Pemohon.Draf;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Permohonan;

/// <summary>One's applications (with their corrections) and drafts; starting a new application.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<ApplicationDraftView> Drafts { get; private set; } = [];

    public IReadOnlyList<ListApplications.Summary> Applications { get; private set; } = [];

    public ApplicationRows Rows { get; private set; } = null!;

    /// <summary>Whether a draft was just deleted (said in a banner).</summary>
    [BindProperty(SupportsGet = true, Name = "draf-dihapus")]
    public bool DraftDeleted { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Drafts = (await Sender.Send(new ListApplicationDrafts.Query(UserId), cancellationToken)).Value;
        Applications = (await Sender.Send(new ListApplications.Query(UserId), cancellationToken)).Value;
        Rows = await ApplicationRows.LoadAsync(Sender, UserId, Applications, null, Language, cancellationToken);
    }

    /// <summary>Starts an application; with one business only, it is already chosen.</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid? businessId, CancellationToken cancellationToken)
    {
        var started = await Sender.Send(new StartApplicationDraft.Command(UserId, businessId, null), cancellationToken);
        return started.Succeeded ? Redirect(Urls.Step(started.Value.Id, ApplicationSteps.Business)) : Failure(started.Error!);
    }
}
