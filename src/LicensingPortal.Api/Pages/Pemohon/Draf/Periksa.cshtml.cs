using System.Globalization;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Catalogue;
using LicensingPortal.Api.Features.Documents;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>
/// "Check your answers": every answer with a link to change it, and the pre-check — the rule set in force today
/// run on these answers, listing every requirement that would fail with its message, remedy and legal basis, each
/// linked to the page that fixes it. Then send: decided at once.
/// </summary>
public sealed class PeriksaModel : PortalPage
{
    [FromRoute]
    public Guid DraftId { get; set; }

    public ApplicationDraftView Draft { get; private set; } = null!;

    public Result<DecisionExplanation>? Precheck { get; private set; }

    /// <summary>
    /// The failed requirements to list: those of questions answered (and of the business), not those of questions not
    /// answered yet, which the page lists as still to answer (a draft in progress opens here from the list of drafts).
    /// </summary>
    public IReadOnlyList<FailedRequirement> Failures => field ??= Precheck is { Succeeded: true } ok
        ? [.. ok.Value.FailedRequirements.Where(f => ApplicationSteps.StepToFix(ok.Value, f) is not { } step || Draft.CompletedSteps.Contains(step))]
        : [];

    /// <summary>Every answer as a person reads it, in the journey's order, each marked when it differs from what the draft started from.</summary>
    public IReadOnlyList<AnswerRow> Rows { get; private set; } = [];

    /// <summary>A draft started from answers given before (a correction, a renewal, a change): its changed answers are marked.</summary>
    public bool StartedFromAnswers => Draft.StartedFrom is not null;

    public string StepUrl(string step) => Urls.Step(DraftId, step);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await Sender.Send(new GetApplicationDraft.Query(UserId, DraftId), cancellationToken);
        if (!draft.Succeeded)
        {
            return NotFound();
        }

        Draft = draft.Value;
        if (Draft.SubmittedApplicationId is { } sent)
        {
            return Redirect(Urls.Application(sent));
        }

        Precheck = await Sender.Send(new PrecheckApplication.Query(UserId, Draft.Answers, Language), cancellationToken);
        Rows = await RowsAsync(Draft.Answers, Draft.StartedFrom, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var sent = await Sender.Send(new SubmitApplicationDraft.Command(UserId, DraftId, Language), cancellationToken);
        if (sent.Succeeded)
        {
            return Redirect(Urls.Application(sent.Value.Id));
        }

        if (sent.Error!.Status == StatusCodes.Status404NotFound && sent.Error.Code == ErrorCodes.DraftNotFound)
        {
            return NotFound();
        }

        var page = await OnGetAsync(cancellationToken);
        ShowErrors(sent.Error);
        return page;
    }

    /// <summary>
    /// The rows of the answers, each compared with the same row of the answers the draft started from (both read with
    /// the same names of businesses, activities, places and documents): a row that reads differently was changed.
    /// </summary>
    private async Task<IReadOnlyList<AnswerRow>> RowsAsync(ApplicationRequest answers, ApplicationRequest? before, CancellationToken cancellationToken)
    {
        var businesses = (await Sender.Send(new ListBusinesses.Query(UserId), cancellationToken)).Value;
        List<FindActivities.Activity> kbli = [];
        foreach (var codes in (answers.Kbli ?? []).Concat(before?.Kbli ?? []).Distinct(StringComparer.Ordinal).Chunk(FindActivities.MaxCodes))
        {
            kbli.AddRange((await Sender.Send(new FindActivities.Query(null, codes, Language), cancellationToken)).Value);
        }

        var kelurahan = (await Sender.Send(new ListKelurahan.Query(), cancellationToken)) is { Succeeded: true } areas
            ? areas.Value.SelectMany(k => k.Kelurahan.Select(l => (l.Code, Name: $"{l.Name}, {k.Name}"))).ToDictionary(k => k.Code, k => k.Name)
            : [];
        var documents = (await Sender.Send(new ListDocuments.Query(UserId), cancellationToken)).Value.ToDictionary(d => d.Id);
        // No document yet is said by the one these answers call for when the pre-check knows it, as the question page
        // offers it: an SPPL is chosen, not fetched.
        var asked = Precheck is { Succeeded: true } precheck ? precheck.Value.EnvironmentalDocumentAsked() : null;
        var noDocument = asked switch
        {
            "SPPL" => Texts.Get("Environment.None.Sppl"),
            "UKL-UPL" or "AMDAL" => Texts.Format("Environment.None.Of", asked),
            _ => Texts.Get("Environment.None"),
        };
        var now = Read(answers);
        var then = before is null ? null : Read(before);
        return [.. now.Select((row, index) => new AnswerRow(row.Step, row.Label, row.Value, then is not null && !string.Equals(then[index].Value, row.Value, StringComparison.Ordinal)))];

        IReadOnlyList<(string Step, string Label, string? Value)> Read(ApplicationRequest answers) => ReadRows(answers, businesses, kbli, kelurahan, documents, noDocument);
    }

    private static IReadOnlyList<(string Step, string Label, string? Value)> ReadRows(
        ApplicationRequest answers,
        IReadOnlyList<BusinessResponse> businesses,
        List<FindActivities.Activity> activities,
        Dictionary<string, string> kelurahan,
        Dictionary<Guid, DocumentResponse> documents,
        string noDocument)
    {
        var kbli = (answers.Kbli ?? []).Select(code => activities.Find(a => a.Code == code)).OfType<FindActivities.Activity>();
        var location = answers.Location;
        var investment = answers.Investment;
        var body = System.Text.Json.JsonSerializer.SerializeToNode(answers, Json.Options)!.AsObject();
        IEnumerable<(string Step, string Label, string? Value)> asked = ApplicationSteps.Questions.Select(q => (q.Step, Texts.Get(q.Label), Shown(q, body[q.Path])));
        List<(string Step, string Label, string? Value)> rows =
        [
            (ApplicationSteps.Business, Texts.Get("Field.Business"), businesses.FirstOrDefault(b => b.Id == answers.BusinessId)?.Name),
            (ApplicationSteps.Business, Texts.Get("Journey.PermitType.Legend"), answers.PermitType is null ? null : Texts.Get($"PermitType.{answers.PermitType}")),
            (ApplicationSteps.Activities, Texts.Get("Field.Kbli"), string.Join('\n', kbli.Select(k => PlainWords.Activity(k.Code, k.Title)))),
            (ApplicationSteps.Location, Texts.Get("Field.Kelurahan"), location is null ? null : kelurahan.GetValueOrDefault(location.Kelurahan, location.Kelurahan)),
            (ApplicationSteps.Location, Texts.Get("Field.Address"), location?.Address),
            (ApplicationSteps.Location, Texts.Get("Journey.Location.Coordinates"), location?.Latitude is { } lat && location.Longitude is { } lon ? string.Create(CultureInfo.InvariantCulture, $"{lat}, {lon}") : null),
            (ApplicationSteps.Operation, Texts.Get("Journey.Operation.Title"), Texts.Get(answers.ExistingBusiness ? "Journey.Operation.Existing" : "Journey.Operation.New") + (answers.ExistingBusiness && answers.AnnualSales is { } sales ? "\n" + Texts.Get("Field.AnnualSales") + ": " + Cultures.Rupiah(sales) : string.Empty)),
            (ApplicationSteps.Size, Texts.Get("Field.LandArea"), $"{Cultures.Number(answers.LandAreaM2)} m²"),
            (ApplicationSteps.Size, Texts.Get("Field.BuildingArea"), $"{Cultures.Number(answers.BuildingAreaM2)} m²"),
            (ApplicationSteps.Size, Texts.Get("Field.Employees"), answers.Employees.ToString(CultureInfo.CurrentCulture)),
            (ApplicationSteps.Size, Texts.Get("Field.PlannedStartDate"), answers.PlannedStartDate is { } start ? Cultures.Date(start) : Texts.Get("Journey.Check.Today")),
            (ApplicationSteps.Investment, Texts.Get("Journey.Investment.Title"), investment is null ? null : string.Join('\n',
                $"{Texts.Get("Field.Machinery")}: {Cultures.Rupiah(investment.Machinery)}",
                $"{Texts.Get("Field.WorkingCapital")}: {Cultures.Rupiah(investment.WorkingCapital)}",
                $"{Texts.Get("Field.InvestmentLand")}: {Cultures.Rupiah(investment.Land)}",
                $"{Texts.Get("Field.InvestmentBuildings")}: {Cultures.Rupiah(investment.Buildings)}")),
            (ApplicationSteps.Environment, Texts.Get("Journey.Environment.Legend"), answers.EnvironmentalDocument is { } document ? Texts.Get($"Environment.{document}") : noDocument),
            (ApplicationSteps.Documents, Texts.Get("Journey.Documents.Title"), string.Join('\n', (answers.DocumentIds ?? []).Select(id => documents.TryGetValue(id, out var d) ? Texts.Format("Journey.Check.Uploaded", Texts.Get($"DocumentKind.{d.Kind}"), Cultures.Wita(d.UploadedAt)) : Texts.Get("Journey.Check.DocumentGone")))),
            (ApplicationSteps.Declarations, Texts.Get("Journey.Declarations.Title"), string.Join('\n', (answers.Declarations ?? []).Select(d => Texts.Get($"Declaration.{d}")))),
        ];

        // The answers the pages ask by themselves, each after its page's other answers.
        var order = ApplicationSteps.All.ToList();
        return [.. rows.Concat(asked).Select((row, index) => (row, index)).OrderBy(r => order.IndexOf(r.row.Step)).ThenBy(r => r.index).Select(r => r.row)];
    }

    /// <summary>An answer as "check your answers" shows it: its question page, label, value as read, and whether it was changed.</summary>
    public sealed record AnswerRow(string Step, string Label, string? Value, bool Changed);

    /// <summary>An answer a page asks by itself, as a person reads it: yes or no, a number in the reader's culture, or the text.</summary>
    private static string? Shown(FormQuestion question, System.Text.Json.Nodes.JsonNode? value) => value switch
    {
        null => null,
        _ when question.IsYesNo => Texts.Get(value.GetValue<bool>() ? "Form.Yes" : "Form.No"),
        _ when question.IsNumber => Cultures.Number(value.GetValue<decimal>()),
        _ => value.GetValue<string>(),
    };
}
