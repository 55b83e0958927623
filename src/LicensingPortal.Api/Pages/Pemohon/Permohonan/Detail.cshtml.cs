using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Catalogue;
using LicensingPortal.Api.Pages.Pemohon.Draf;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Permohonan;

/// <summary>
/// The decision page: approved — the permits with their PDF and public verification; rejected — every failed
/// requirement with its remedy and legal basis, and "correct and resubmit", which reopens the journey with every
/// answer filled in. Another applicant's application is not found.
/// </summary>
public sealed class DetailModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public ApplicationResponse Application { get; private set; } = null!;

    /// <summary>Each activity of the application as people know it: "Restoran (KBLI 56101)".</summary>
    public IReadOnlyList<string> Activities { get; private set; } = [];

    /// <summary>
    /// For an approval, the permits its activities need that it did not issue (a renewal issues one, a second
    /// application no NIB) and that the business holds in force, by their titles: said as unchanged, never as a to-do.
    /// </summary>
    public IReadOnlyList<string> OtherPermitsHeld { get; private set; } = [];

    /// <summary>For an approval, each visited permit's latest inspector's visit, by permit number.</summary>
    public IReadOnlyDictionary<string, Features.Inspections.InspectionVisitView> Visits { get; private set; } = new Dictionary<string, Features.Inspections.InspectionVisitView>();

    /// <summary>For a refusal, where an objection to it stands (sent, answered, or still possible until a day).</summary>
    public Features.Objections.GetObjection.Response? Objection { get; private set; }

    /// <summary>For a refused renewal, the last day the permit it would have renewed still holds (null when it holds no more).</summary>
    public DateOnly? RenewedPermitHoldsUntil { get; private set; }

    /// <summary>For a refusal, the day the owner is told to object by.</summary>
    public DateOnly? ObjectBy => Objection?.DayToTell(Wita.Today(Clock));

    /// <summary>The application's reference in a form that can be read out over the phone.</summary>
    public string Reference => ApplicationReference.Of(Application.Id);

    /// <summary>For a change, what it changed in plain words: the location, the activities, the size, the environment, the kind of application.</summary>
    public IReadOnlyList<string> ChangedAreas => AreasOf(Application.Changes ?? []);

    /// <summary>What a correction or a change changed, as the kinds of answers a person recognises (text keys), without codes or values.</summary>
    public static IReadOnlyList<string> AreasOf(IEnumerable<FieldChange> changes) => changes
        .Select(c => c.Field switch
        {
            "kbli" => "Change.Area.Activities",
            "permitType" => "Change.Area.Kind",
            "environmentalDocument" or "buildingApprovalNumber" => "Change.Area.Environment",
            "documentIds" => "Change.Area.Documents",
            "declarations" => "Change.Area.Declarations",
            "plannedStartDate" => "Change.Area.Start",
            _ when c.Field.StartsWith("location.", StringComparison.Ordinal) => "Change.Area.Location",
            _ => "Change.Area.Size",
        })
        .Distinct()
        .ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var application = await Sender.Send(new GetApplication.Query(UserId, Id, Language), cancellationToken);
        if (!application.Succeeded)
        {
            return Failure(application.Error!);
        }

        Application = application.Value;
        var titles = await Sender.Send(new FindActivities.Query(null, Application.Kbli, Language), cancellationToken);
        var byCode = titles.Succeeded ? titles.Value.ToDictionary(a => a.Code, a => a.Title, StringComparer.Ordinal) : [];
        Activities = [.. Application.Kbli.Select(code => ApplicationRows.NameActivity(code, byCode))];
        if (Application.Decision is { Approved: true } decision
            && decision.RequiredPermits.Where(p => Application.Permits.All(issued => issued.Type != p.Type)).Select(p => p.Type).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } others)
        {
            var held = await Sender.Send(new Features.Permits.ListPermits.Query(UserId, Language), cancellationToken);
            OtherPermitsHeld = held.Succeeded
                ? [.. held.Value.Where(p => p.BusinessId == Application.BusinessId && p.Status == Domain.PermitStatus.Active && others.Contains(p.Type)).Select(p => p.Title).Distinct(StringComparer.Ordinal)]
                : [];
        }

        if (Application.Permits.Any(p => InspectionVisit.VisitedTypes.Contains(p.Type)))
        {
            Visits = await InspectionBox.LatestAsync(Sender, UserId, Wita.Today(Clock), cancellationToken);
        }

        if (Application.Decision is { Approved: false } && Application.Renews is { } renews && Application.Resubmission?.ResubmittedAsId is null)
        {
            // A refused renewal takes nothing away: the permit it would have renewed holds until its own end, and may
            // still be renewed (Permit.StillHoldsAfterARefusedRenewal, as the refusal's e-mail says it), until it is sent again.
            var permit = await Sender.Send(new Features.Permits.GetPermit.Query(UserId, renews, Language), cancellationToken);
            RenewedPermitHoldsUntil = permit.Succeeded && permit.Value.Renewal is Domain.RenewalState.Open or Domain.RenewalState.NotYetOpen ? permit.Value.ValidUntil : null;
        }

        if (Application.Decision is { Approved: false })
        {
            var objection = await Sender.Send(new Features.Objections.GetObjection.Query(UserId, Id, Language), cancellationToken);
            Objection = objection.Succeeded ? objection.Value : null;
        }

        return Page();
    }

    /// <summary>Correct and resubmit: a draft with everything this application stated, straight to "check your answers".</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await Sender.Send(new StartApplicationDraft.Command(UserId, null, Id), cancellationToken);
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
