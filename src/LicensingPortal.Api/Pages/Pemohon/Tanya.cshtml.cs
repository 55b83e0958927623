using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Questions;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon;

/// <summary>
/// Asking the licensing office a question in writing (POST /api/me/questions) and reading the answers (GET
/// /api/me/questions): the form first, then one's questions, the latest first, each with its answer or the day it is
/// due. A link from another page may choose the topic ("?tentang=dokumen"), name the application the question is
/// about ("?permohonan={id}", one's own: the officer opens it beside the question), the words an activity was
/// searched with in vain ("?kegiatan=": the question starts with them) and the page to go back to ("?kembali=").
/// </summary>
public sealed class TanyaModel : PortalPage
{
    private const string SentKey = "Tanya.Terkirim";

    /// <summary>The topics as the address and the form name them.</summary>
    public static readonly IReadOnlyDictionary<string, QuestionTopic> Topics = new Dictionary<string, QuestionTopic>(StringComparer.OrdinalIgnoreCase)
    {
        ["akun"] = QuestionTopic.Account,
        ["usaha"] = QuestionTopic.Business,
        ["permohonan"] = QuestionTopic.Application,
        ["dokumen"] = QuestionTopic.Documents,
        ["keputusan"] = QuestionTopic.Decision,
        ["izin"] = QuestionTopic.Permit,
        ["lainnya"] = QuestionTopic.Other,
    };

    /// <summary>The topic: one of <see cref="Topics"/>' names.</summary>
    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The application the question is about, from the link that led here; kept in the form.</summary>
    [BindProperty(SupportsGet = true, Name = "permohonan")]
    public Guid? ApplicationId { get; set; }

    /// <summary>The topic a link chose ("?tentang=dokumen").</summary>
    [FromQuery(Name = "tentang")]
    public string? About { get; set; }

    /// <summary>The words an applicant searched the activities with and did not find ("?kegiatan="): the question starts with them.</summary>
    [FromQuery(Name = "kegiatan")]
    public string? SoughtActivity { get; set; }

    /// <summary>The page that led here, to go back to ("?kembali="; this service's own pages only); kept in the form.</summary>
    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? Kembali { get; set; }

    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    /// <summary>The application the question is about, as the owner knows it: its business and reference; null when none (or not the reader's).</summary>
    public (string Business, string Reference)? Application { get; private set; }

    /// <summary>The day the question just sent is answered by: said once after the redirect.</summary>
    public DateOnly? SentDueOn { get; private set; }

    /// <summary>Where the back link leads: the page that led here, or none.</summary>
    public string? Back => Kembali is null ? null : LocalOr(Kembali, string.Empty) is { Length: > 0 } back ? back : null;

    public IReadOnlyList<Choice> TopicChoices =>
        [.. Topics.Select(t => new Choice(t.Key, Texts.Get($"Question.Topic.{t.Value}"), Texts.Get($"Question.Topic.{t.Value}.Hint")))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // As a day's number: TempData would read a date written as text back as a DateTime.
        SentDueOn = TempData[SentKey] is int day ? DateOnly.FromDayNumber(day) : null;
        Topic = About is not null && Topics.ContainsKey(About) ? About.ToLowerInvariant() : null;
        if (SoughtActivity?.Trim() is { Length: > 0 } sought)
        {
            Text = Texts.Format("Question.Prefill.Activity", Question.StartOf(sought, 100));
        }

        var loaded = await LoadAsync(cancellationToken);
        // An application that is not the reader's is one that does not exist, as the question would be told.
        return loaded ?? (ApplicationId is not null && Application is null ? NotFound() : Page());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        QuestionTopic? topic = Topic is not null && Topics.TryGetValue(Topic, out var chosen) ? chosen : null;
        var asked = await Sender.Send(new AskQuestion.Command(UserId, topic, Text, ApplicationId), cancellationToken);
        if (asked.Succeeded)
        {
            TempData[SentKey] = asked.Value.AnswerDueOn.DayNumber;
            return RedirectToPage(new { permohonan = ApplicationId, kembali = Back });
        }

        if (asked.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(asked.Error!, new Dictionary<string, string>(StringComparer.Ordinal) { ["topic"] = nameof(Topic), ["text"] = nameof(Text) });
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await Sender.Send(new ListMyQuestions.Query(UserId), cancellationToken);
        if (!mine.Succeeded)
        {
            return Failure(mine.Error!);
        }

        Questions = mine.Value;
        if (ApplicationId is { } id)
        {
            // Another's application (or none) is not named.
            var application = await Sender.Send(new GetApplication.Query(UserId, id, Language), cancellationToken);
            var business = application.Succeeded ? await Sender.Send(new GetBusiness.Query(UserId, application.Value.BusinessId), cancellationToken) : null;
            Application = business is { Succeeded: true } ? (business.Value.Name, ApplicationReference.Of(id)) : null;
        }

        return null;
    }
}
