using LicensingPortal.Api.Features.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.Pemeriksaan;

/// <summary>
/// One permit's visits (GET /api/audit/inspections/permits/{id}): a visit booked (POST …, the owner told who comes and
/// when) and its result recorded (POST /api/audit/inspections/{visit}/result, once), from the inspector's report.
/// </summary>
public sealed class DetailModel : PortalPage
{
    private const string DoneKey = "Pemeriksaan.Selesai";

    private static readonly Dictionary<string, string> BookFields = new(StringComparer.Ordinal)
    {
        ["agency"] = nameof(Agency),
        ["inspectorName"] = nameof(InspectorName),
        ["inspectorNip"] = nameof(InspectorNip),
        ["from"] = nameof(From),
        ["to"] = nameof(To),
    };

    private static readonly Dictionary<string, string> RecordFields = new(StringComparer.Ordinal)
    {
        ["outcome"] = nameof(Outcome),
        ["visitedOn"] = nameof(VisitedOn),
        ["findings"] = nameof(Findings),
    };

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Agency { get; set; }

    [BindProperty]
    public string? InspectorName { get; set; }

    [BindProperty]
    public string? InspectorNip { get; set; }

    [BindProperty]
    public DateParts From { get; set; } = new();

    [BindProperty]
    public DateParts To { get; set; } = new();

    /// <summary>"memenuhi" or "belum".</summary>
    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public DateParts VisitedOn { get; set; } = new();

    [BindProperty]
    public string? Findings { get; set; }

    public OpenPermitInspections.Response Case { get; private set; } = null!;

    /// <summary>What was just done ("booked" or "recorded"): said once after the redirect.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Done = TempData[DoneKey] as string;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken)
    {
        var from = ReadDate(From, nameof(From));
        var to = ReadDate(To, nameof(To));
        var command = new BookInspection.Command(UserId, Id, Agency, InspectorName, InspectorNip, from, to);
        if (!ModelState.IsValid)
        {
            await ShowTheRestAsync(command, BookFields, cancellationToken);
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var booked = await Sender.Send(command, cancellationToken);
        return await AfterAsync(booked, "booked", BookFields, cancellationToken);
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid visit, CancellationToken cancellationToken)
    {
        InspectionOutcome? outcome = Outcome switch { "memenuhi" => InspectionOutcome.Met, "belum" => InspectionOutcome.NotMet, _ => null };
        var visitedOn = ReadDate(VisitedOn, nameof(VisitedOn));
        var command = new RecordInspection.Command(UserId, visit, outcome, visitedOn, Findings);
        if (!ModelState.IsValid)
        {
            await ShowTheRestAsync(command, RecordFields, cancellationToken);
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var recorded = await Sender.Send(command, cancellationToken);
        return await AfterAsync(recorded, "recorded", RecordFields, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Result<OpenPermitInspections.Response> result, string done, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData[DoneKey] = done;
            return RedirectToPage(new { id = Id });
        }

        if (result.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(result.Error, fields);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await Sender.Send(new OpenPermitInspections.Query(Id), cancellationToken);
        if (!found.Succeeded)
        {
            return Failure(found.Error!);
        }

        Case = found.Value;
        return null;
    }
}
