using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>
/// A question page of the application journey: loads the applicant's own draft, shows the answers so far, and
/// saves the page's answers with the same use case the API offers (its validator limited to this page). Then on to
/// the next question, or back to "check your answers" when the applicant came from there to change something.
/// </summary>
public abstract class DraftStepPage : PortalPage
{
    [FromRoute]
    public Guid DraftId { get; set; }

    /// <summary>The applicant came from "check your answers" to change this answer.</summary>
    [BindProperty(SupportsGet = true, Name = "ubah")]
    public bool Changing { get; set; }

    /// <summary>
    /// The question to go to once this page's answers are saved, instead of the next one: the pre-check's way to fix
    /// another question sends the page's form, so what was typed here is not lost on the way.
    /// </summary>
    [BindProperty(Name = "lalu")]
    public string? ThenStep { get; set; }

    /// <summary>The id of every question page's form, which the pre-check's buttons send from outside it.</summary>
    public const string FormId = "jawaban";

    public ApplicationDraftView Draft { get; private set; } = null!;

    /// <summary>The pre-check panel beside this question, made once for the pre-check shown (the page and its end both read it).</summary>
    public PrecheckView PrecheckPanel => field is { } panel && ReferenceEquals(panel.Result, Precheck)
        ? panel
        : field = new(Precheck, DraftId, Step, Draft.LocksBusiness, Draft.CompletedSteps);

    /// <summary>The would-be decision on the saved answers, or why there is none yet.</summary>
    public Result<DecisionExplanation>? Precheck { get; private set; }

    public abstract string Step { get; }

    /// <summary>Request paths (as the validator names fields) → this page's form fields.</summary>
    protected abstract IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The answers this step asks by itself (<see cref="AskedOnAttribute.Label"/>), by request path, as typed.</summary>
    [BindProperty]
    public Dictionary<string, string?> More { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The answers this step asks by itself, after the page's own questions.</summary>
    public IReadOnlyList<FormQuestion> MoreQuestions => ApplicationSteps.QuestionsOf(Step);

    /// <summary>The yes-or-no choices of a question asked by itself.</summary>
    public static IReadOnlyList<Choice> YesNo => [new("true", Texts.Get("Form.Yes"), null), new("false", Texts.Get("Form.No"), null)];

    private IReadOnlyDictionary<string, string> AllFields =>
        MoreQuestions.Aggregate(new Dictionary<string, string>(Fields, StringComparer.Ordinal), (all, q) =>
        {
            all[q.Path] = $"{nameof(More)}[{q.Path}]";
            return all;
        });

    public int StepNumber => ApplicationSteps.All.ToList().IndexOf(Step) + 1;

    public static int StepCount => ApplicationSteps.All.Count;

    public string StepUrl(string step) => Urls.Step(DraftId, step);

    public string CheckUrl => Urls.Check(DraftId);

    public string BackUrl => Changing ? CheckUrl : StepNumber == 1 ? "/pemohon/permohonan" : StepUrl(ApplicationSteps.All[StepNumber - 2]);

    protected ApplicationRequest Answers => Draft.Answers;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Show(Answers);
        ShowMore(Answers);
        await PrecheckSavedAnswersAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var answers = ReadMore(Read());
        if (!ModelState.IsValid || answers is null)
        {
            // Shown again with its errors, the page keeps the pre-check of the answers saved so far beside it.
            await PrecheckSavedAnswersAsync(cancellationToken);
            return Page();
        }

        var saved = await Sender.Send(new SaveApplicationDraft.Command(UserId, DraftId, Step, answers), cancellationToken);
        if (!saved.Succeeded)
        {
            if (saved.Error!.Errors is null)
            {
                return Failure(saved.Error);
            }

            ShowErrors(saved.Error, AllFields);
            await PrecheckSavedAnswersAsync(cancellationToken);
            return Page();
        }

        if (ThenStep is { } then && ApplicationSteps.All.Contains(then) && !(then == ApplicationSteps.Business && Draft.LocksBusiness))
        {
            return Redirect(StepUrl(then) + "?ubah=true");
        }

        var next = Changing || saved.Value.IsComplete ? CheckUrl : StepUrl(ApplicationSteps.All[StepNumber]);
        return Redirect(next);
    }

    /// <summary>With JavaScript: the would-be decision on the answers on screen, before they are saved.</summary>
    public async Task<IActionResult> OnPostPrecheckAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var answers = ReadMore(Read()) ?? Answers;
        Precheck = await Sender.Send(new PrecheckApplication.Query(UserId, answers, Language), cancellationToken);
        return Partial("_Precheck", PrecheckPanel);
    }

    /// <summary>The would-be decision on the answers saved so far, shown beside the page.</summary>
    private async Task PrecheckSavedAnswersAsync(CancellationToken cancellationToken) =>
        Precheck = await Sender.Send(new PrecheckApplication.Query(UserId, Answers, Language), cancellationToken);

    /// <summary>Fills the form from the answers so far.</summary>
    protected abstract void Show(ApplicationRequest answers);

    /// <summary>The answers with this page's fields as posted, or null (with ModelState errors) when a field cannot be read.</summary>
    protected abstract ApplicationRequest? Read();

    /// <summary>Fills the questions asked by themselves from the answers so far (nothing before the page is done).</summary>
    private void ShowMore(ApplicationRequest answers)
    {
        var body = JsonSerializer.SerializeToNode(answers, Json.Options)!.AsObject();
        foreach (var question in MoreQuestions)
        {
            More[question.Path] = body[question.Path] is not JsonValue value || !Draft.CompletedSteps.Contains(Step) ? null
                : question.IsYesNo ? (value.GetValue<bool>() ? "true" : "false")
                : question.ValueType == typeof(decimal) ? FormNumbers.Show(value.GetValue<decimal>())
                : question.IsNumber ? FormNumbers.Show(value.GetValue<long>())
                : value.GetValue<string>();
        }
    }

    /// <summary>The answers with the questions asked by themselves as typed, or null (with ModelState errors) when one cannot be read.</summary>
    private ApplicationRequest? ReadMore(ApplicationRequest? answers)
    {
        if (answers is null || MoreQuestions.Count == 0)
        {
            return answers;
        }

        var body = JsonSerializer.SerializeToNode(answers, Json.Options)!.AsObject();
        foreach (var question in MoreQuestions)
        {
            var field = $"{nameof(More)}[{question.Path}]";
            var typed = More.GetValueOrDefault(question.Path);
            if (string.IsNullOrWhiteSpace(typed))
            {
                if (question.IsOptional)
                {
                    body[question.Path] = null;
                }
                else
                {
                    ModelState.AddModelError(field, Texts.Get(question.IsYesNo ? "Form.ChooseOne" : "Form.NotANumber"));
                }

                continue;
            }

            if (question.IsYesNo)
            {
                body[question.Path] = typed == "true";
            }
            else if (question.ValueType == typeof(decimal))
            {
                if (decimal.TryParse(typed.Trim().Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
                {
                    body[question.Path] = number;
                }
                else
                {
                    NotANumber(field);
                }
            }
            else if (question.IsNumber)
            {
                if (FormNumbers.TryWhole(typed, out var whole) && whole is { } value && (question.ValueType == typeof(long) || value <= int.MaxValue))
                {
                    body[question.Path] = value;
                }
                else
                {
                    NotANumber(field);
                }
            }
            else
            {
                body[question.Path] = typed.Trim();
            }
        }

        return ModelState.IsValid ? body.Deserialize<ApplicationRequest>(Json.Options) : null;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
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

        // A renewal or a change is of one business and one kind of application: its first page is not asked again.
        return Step == ApplicationSteps.Business && Draft.LocksBusiness ? Redirect(CheckUrl) : null;
    }

    /// <summary>A choice whose hint begins with <paramref name="markKey"/>'s words when it is the one these answers call for.</summary>
    protected static Choice Marked(string value, string label, string hint, bool marked, string markKey) =>
        new(value, label, marked ? $"{Texts.Get(markKey)} {hint}" : hint);

    protected void NotANumber(string field) => ModelState.AddModelError(field, Texts.Get("Form.NotANumber"));

    protected void NotACoordinate(string field) => ModelState.AddModelError(field, Texts.Get("Form.NotACoordinate"));
}

/// <summary>
/// The pre-check panel's model: the would-be decision (or why there is none yet), the draft it links into, the step it
/// is shown beside, whether the draft's business question is closed (a renewal's or a change's: what it would fix
/// is fixed in the business's details), and the questions answered so far: what a question not reached yet would fix
/// is not a failure of the applicant's, only a question still to answer.
/// </summary>
public sealed record PrecheckView(Result<DecisionExplanation>? Result, Guid DraftId, string Step, bool LocksBusiness, IReadOnlyCollection<string> Answered)
{
    /// <summary>The would-be decision, or null while the answers are not complete enough for one.</summary>
    public DecisionExplanation? Decision => Result is { Succeeded: true } ok ? ok.Value : null;

    /// <summary>
    /// Each failed requirement with the question that fixes it, or null where no question does (a renewal's or a
    /// change's business question: what it would fix is fixed in the business's details).
    /// </summary>
    public IReadOnlyList<(FailedRequirement Failed, string? Step)> Failures => field ??= Decision is { } decision
        ? [.. decision.FailedRequirements.Select(f => (f, ApplicationSteps.StepToFix(decision, f) is var step && !(step == ApplicationSteps.Business && LocksBusiness) ? step : null))]
        : [];

    /// <summary>
    /// What this page's answers fix: explained in full beside them, and said again above the page's button. A remedy
    /// that names this page ("On the “Documents” page, upload …") says "on this page" here.
    /// </summary>
    public IReadOnlyList<FailedRequirement> Here => field ??= [.. Failures.Where(f => f.Step == Step).Select(f => f.Failed with { Remedy = OnThisPage(f.Failed.Remedy) })];

    private string OnThisPage(string remedy)
    {
        var named = Texts.Format("Remedy.OnPage", Texts.Get($"Journey.Step.{Step}"));
        var here = Texts.Get("Remedy.OnThisPage");
        return remedy.Replace(named, here, StringComparison.Ordinal).Replace(Capital(named), Capital(here), StringComparison.Ordinal);

        static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>What other questions already answered fix, with the way there.</summary>
    public IReadOnlyList<(FailedRequirement Failed, string? Step)> Elsewhere => [.. Failures.Where(f => f.Step != Step && !NotReached(f.Step))];

    /// <summary>
    /// This page's answers were never saved: what it would fix is what it asks for, not a mistake of the applicant's.
    /// </summary>
    public bool FirstVisit => !Answered.Contains(Step);

    /// <summary>
    /// The requirements said to be not met by the answers so far: those of questions answered, and this page's once it
    /// was answered (on a first visit, what it asks for is not yet a failure).
    /// </summary>
    public int NotMet => (FirstVisit ? 0 : Here.Count) + Elsewhere.Count;

    /// <summary>
    /// The questions not answered yet (other than this page's), in the journey's order: named as still to answer, not
    /// as failures, whatever the rule set would say of their empty answers.
    /// </summary>
    public IReadOnlyList<string> StillToAnswer => [.. ApplicationSteps.All.Where(NotReached)];

    private bool NotReached(string? step) => step is not null && step != Step && !Answered.Contains(step);
}

/// <summary>Every address of the applicant's pages, built in one place.</summary>
public static class Urls
{
    public static string Step(Guid draftId, string step) => $"/pemohon/draf/{draftId}/{step}";

    public static string Check(Guid draftId) => $"/pemohon/draf/{draftId}/periksa";

    public static string Delete(Guid draftId) => $"/pemohon/draf/{draftId}/hapus";

    public static string Application(Guid applicationId) => $"/pemohon/permohonan/{applicationId}";
}
