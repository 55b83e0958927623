using LicensingPortal.Api.Features.Audit;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas;

/// <summary>
/// One decision as officers audit it (the same queries as /api/audit/decisions/{id}): titled with the business's
/// name and the application's reference; who applied (the business, the owner's NIK masked, the account) and the
/// documents they sent, each opened through the access history; every requirement by title beside its code, failed
/// first, with the values it read; the facts as evaluated (identifiers masked), the rule-set version, the notes and
/// the log entries; replay under the rules then in force; add a note. Nothing here changes the outcome.
/// </summary>
public sealed class KeputusanModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public GetDecisionTrace.Trace Trace { get; private set; } = null!;

    public ReplayDecision.ReplayResult? Replay { get; private set; }

    public bool NoteAdded { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool catatan, CancellationToken cancellationToken)
    {
        NoteAdded = catatan;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    /// <summary>Opens a document attached to the application; the reading is kept in the officer's access history.</summary>
    public async Task<IActionResult> OnGetDokumenAsync(Guid dokumen, CancellationToken cancellationToken)
    {
        if (FromAnotherSite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var opened = await Sender.Send(new OpenCaseDocument.Command(UserId, Id, dokumen), cancellationToken);
        return opened.Succeeded ? File(opened.Value.Content, opened.Value.ContentType, opened.Value.FileName) : Failure(opened.Error!);
    }

    /// <summary>Replays the decision (a query: nothing is stored) and shows whether it reproduces exactly.</summary>
    public async Task<IActionResult> OnPostReplayAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        var replay = await Sender.Send(new ReplayDecision.Query(Id), cancellationToken);
        if (!replay.Succeeded)
        {
            ShowErrors(replay.Error!);
            return Page();
        }

        Replay = replay.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        var added = await Sender.Send(new AddDecisionNote.Command(UserId, Id, Note?.Trim() ?? string.Empty), cancellationToken);
        if (added.Succeeded)
        {
            return Redirect($"/petugas/keputusan/{Id}?catatan=true#notes");
        }

        if (added.Error!.Errors is null)
        {
            return Failure(added.Error);
        }

        ShowErrors(added.Error, new Dictionary<string, string> { ["text"] = nameof(Note) });
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var trace = await Sender.Send(new GetDecisionTrace.Query(Id, Language), cancellationToken);
        if (!trace.Succeeded)
        {
            return Failure(trace.Error!);
        }

        Trace = trace.Value;
        return null;
    }
}
