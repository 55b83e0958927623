using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Features.Objections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Permohonan;

/// <summary>
/// An owner's objection to the refusal of their application (GET and POST /api/applications/{id}/objection): before
/// it is sent, the form (the failed requirements to name, the reason, one's uploaded documents to attach as evidence)
/// with the last day to send it; after, what was sent, the day the answer is due, and the answer with what to do next;
/// when the refusal stood, the appeal to the mayor (POST …/objection/appeal), written here, and its answer. Another
/// applicant's application is not found.
/// </summary>
public sealed class KeberatanModel : PortalPage
{
    private const string SentKey = "Keberatan.Terkirim";

    private const string AppealSentKey = "Banding.Terkirim";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Requirements { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<string> Documents { get; set; } = [];

    /// <summary>One's uploaded documents, to attach as evidence (GET /api/documents), while an objection may be sent.</summary>
    public IReadOnlyList<Choice> DocumentChoices { get; private set; } = [];

    public GetObjection.Response State { get; private set; } = null!;

    /// <summary>The objection was just sent: said once after the redirect.</summary>
    public bool Sent { get; private set; }

    /// <summary>Each failed requirement as a requirement ("Syarat: …"), not as a statement to tick.</summary>
    public IReadOnlyList<Choice> RequirementChoices => [.. State.FailedRequirements.Select(r => new Choice(r.Id, Texts.Format("Objection.Requirement", r.Title)))];

    /// <summary>The day the owner is told to object by (<see cref="GetObjection.Response.DayToTell"/>).</summary>
    public DateOnly? ObjectBy => State.DayToTell(Wita.Today(Clock));

    /// <summary>Whether the owner may still appeal to the mayor.</summary>
    public bool CanAppeal => State.CanAppeal(Wita.Today(Clock));

    /// <summary>The day the owner is told to appeal by (<see cref="GetObjection.Response.AppealDayToTell"/>).</summary>
    public DateOnly? AppealBy => State.AppealDayToTell(Wita.Today(Clock));

    /// <summary>Why the owner still disagrees, as the appeal to the mayor says it (POST /api/applications/{id}/objection/appeal).</summary>
    [BindProperty]
    public string? AppealReason { get; set; }

    /// <summary>The appeal was just sent: said once after the redirect.</summary>
    public bool AppealSent { get; private set; }

    /// <summary>The document just uploaded from this page: it comes back ticked among the evidence.</summary>
    [BindProperty(SupportsGet = true, Name = "dilampirkan")]
    public Guid? Dilampirkan { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Sent = TempData[SentKey] is true;
        AppealSent = TempData[AppealSentKey] is true;
        var failed = await LoadAsync(cancellationToken);
        if (Dilampirkan is { } uploaded && DocumentChoices.Any(d => d.Value == uploaded.ToString()))
        {
            Documents = [uploaded.ToString()];
        }

        return failed ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var documents = Documents.Select(id => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty).Distinct().ToList();
        var filed = await Sender.Send(new FileObjection.Command(UserId, Id, Reason, Requirements, Language, documents), cancellationToken);
        if (filed.Succeeded)
        {
            TempData[SentKey] = true;
            return RedirectToPage(new { id = Id });
        }

        if (filed.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(filed.Error, new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = nameof(Reason), ["requirements"] = nameof(Requirements), ["documents"] = nameof(Documents) });
        return await LoadAsync(cancellationToken) ?? Page();
    }

    /// <summary>Sends the appeal to the mayor; the page then says it was sent and by when the mayor's office answers.</summary>
    public async Task<IActionResult> OnPostBandingAsync(CancellationToken cancellationToken)
    {
        var appealed = await Sender.Send(new AppealObjection.Command(UserId, Id, AppealReason, Language), cancellationToken);
        if (appealed.Succeeded)
        {
            TempData[AppealSentKey] = true;
            return RedirectToPage(new { id = Id });
        }

        if (appealed.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(appealed.Error, new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = nameof(AppealReason) });
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var state = await Sender.Send(new GetObjection.Query(UserId, Id, Language), cancellationToken);
        if (!state.Succeeded)
        {
            return Failure(state.Error!);
        }

        State = state.Value;

        if (State.CanObject)
        {
            var documents = await Sender.Send(new ListDocuments.Query(UserId), cancellationToken);
            DocumentChoices = Pemohon.DocumentChoices.Of(documents.Value);
        }

        return null;
    }
}
