namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// A question as the applicant who asked it and the officers read it: what it is about (and the application, when
/// asked from one: its reference and business), the applicant's words, when it was asked, by when the office answers
/// and whether it is (or was) late, and the answer once given.
/// </summary>
public sealed record QuestionView(
    Guid Id,
    QuestionTopic Topic,
    Guid? ApplicationId,
    string? ApplicationReference,
    string? BusinessName,
    string Text,
    DateTimeOffset AskedAt,
    DateOnly AnswerDueOn,
    bool Late,
    string? Answer,
    DateTimeOffset? AnsweredAt);

/// <summary>Reads questions for the applicant and for the officers alike, so both read the same words.</summary>
internal static class QuestionReads
{
    /// <summary>The questions as read, each with the business of the application it is about (one query for them all).</summary>
    public static async Task<List<QuestionView>> ViewsAsync(LicensingDbContext db, IReadOnlyList<Question> questions, DateOnly today, CancellationToken cancellationToken)
    {
        var businesses = await BusinessesAsync(db, questions, cancellationToken);
        return [.. questions.Select(q => View(q, today, q.ApplicationId is { } id ? businesses.GetValueOrDefault(id) : null))];
    }

    /// <summary>The business of each application the questions are about, by the application's id (one query; none when none is about one).</summary>
    public static async Task<Dictionary<Guid, string>> BusinessesAsync(LicensingDbContext db, IEnumerable<Question> questions, CancellationToken cancellationToken)
    {
        var ids = questions.Where(q => q.ApplicationId is not null).Select(q => q.ApplicationId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => new { a.Id, b.Name })
                .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
    }

    public static async Task<QuestionView> ViewAsync(LicensingDbContext db, Question question, DateOnly today, CancellationToken cancellationToken) =>
        (await ViewsAsync(db, [question], today, cancellationToken))[0];

    private static QuestionView View(Question question, DateOnly today, string? businessName) => new(
        question.Id,
        question.Topic,
        question.ApplicationId,
        question.ApplicationId is { } id ? ApplicationReference.Of(id) : null,
        businessName,
        question.Text,
        question.AskedAt,
        question.AnswerDueOn,
        question.IsLate(today),
        question.Answer,
        question.AnsweredAt);

    /// <summary>The applicant's page of their questions, as the notices link to it.</summary>
    public static string PageOf(PublicAddress address, Question question) => $"{address.BaseUrl()}/pemohon/tanya#pertanyaan-{question.Id}";

    public static readonly Error NotFound = Error.NotFound(ErrorCodes.QuestionNotFound, "No such question.");
}
