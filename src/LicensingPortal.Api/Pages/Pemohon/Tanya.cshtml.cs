using LicensingPortal.Api.Features.Questions;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon;

/// <summary>
/// Asking the licensing office a question in writing (POST /api/me/questions) and reading the answers (GET
/// /api/me/questions): the form first, then one's questions, the latest first, each with its answer or the day it is
/// due. A link from another page may choose the topic ("?tentang=dokumen").
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

    /// <summary>The topic a link chose ("?tentang=dokumen").</summary>
    [FromQuery(Name = "tentang")]
    public string? About { get; set; }

    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    /// <summary>The day the question just sent is answered by: said once after the redirect.</summary>
    public DateOnly? SentDueOn { get; private set; }

    public IReadOnlyList<Choice> TopicChoices =>
        [.. Topics.Select(t => new Choice(t.Key, Texts.Get($"Question.Topic.{t.Value}"), Texts.Get($"Question.Topic.{t.Value}.Hint")))];

    /// <summary>The name of a topic in the address and the form.</summary>
    public static string NameOf(QuestionTopic topic) => Topics.First(t => t.Value == topic).Key;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // As a day's number: TempData would read a date written as text back as a DateTime.
        SentDueOn = TempData[SentKey] is int day ? DateOnly.FromDayNumber(day) : null;
        Topic = About is not null && Topics.ContainsKey(About) ? About.ToLowerInvariant() : null;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        QuestionTopic? topic = Topic is not null && Topics.TryGetValue(Topic, out var chosen) ? chosen : null;
        var asked = await Sender.Send(new AskQuestion.Command(UserId, topic, Text), cancellationToken);
        if (asked.Succeeded)
        {
            TempData[SentKey] = asked.Value.AnswerDueOn.DayNumber;
            return RedirectToPage();
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
        return null;
    }
}
