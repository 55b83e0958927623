namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// A question as the applicant who asked it and the officers read it: what it is about, the applicant's words, when it
/// was asked, by when the office answers and whether it is (or was) late, and the answer once given.
/// </summary>
public sealed record QuestionView(
    Guid Id,
    QuestionTopic Topic,
    string Text,
    DateTimeOffset AskedAt,
    DateOnly AnswerDueOn,
    bool Late,
    string? Answer,
    DateTimeOffset? AnsweredAt);

/// <summary>Reads questions for the applicant and for the officers alike, so both read the same words.</summary>
internal static class QuestionReads
{
    public static QuestionView View(Question question, DateOnly today) => new(
        question.Id,
        question.Topic,
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
