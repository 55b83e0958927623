using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Pages.Pemohon.Draf;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Usaha;

/// <summary>
/// Changing a running business (perubahan): what a change is, the permits it may re-issue or end, and a button that
/// starts the change from the business's current answers, straight to "check your answers" where each answer can be
/// changed and the pre-check shows what would fail. When the business cannot be changed, why and what to do instead.
/// </summary>
public sealed class PerubahanModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public GetBusinessChange.Response? Change { get; private set; }

    /// <summary>Why the business cannot be changed (no approved application yet, or closed); null when it can.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var change = await Sender.Send(new GetBusinessChange.Query(UserId, Id, Language), cancellationToken);
        if (change.Succeeded)
        {
            Change = change.Value;
            return Page();
        }

        if (change.Error!.Code is ErrorCodes.BusinessNotLicensed or ErrorCodes.BusinessClosed)
        {
            Refusal = change.Error.Code;
            return Page();
        }

        return Failure(change.Error);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await Sender.Send(new StartApplicationDraft.Command(UserId, null, null, null, Id), cancellationToken);
        if (draft.Succeeded)
        {
            return Redirect(Urls.Check(draft.Value.Id));
        }

        if (draft.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(draft.Error);
        return await OnGetAsync(cancellationToken);
    }
}
