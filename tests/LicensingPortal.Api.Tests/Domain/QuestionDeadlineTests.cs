using LicensingPortal.Api.Domain;

namespace LicensingPortal.Api.Tests.Domain;

/// <summary>The office's two working days to answer a question, on Kupang's calendar, and when an answer is late.</summary>
public sealed class QuestionDeadlineTests
{
    private static readonly WorkingCalendar Known2026 = new(LicensingPortal.Api.Data.HolidaySeeds.Year2026.Select(h => h.Date), [2026]);

    [Theory]
    [InlineData("2026-12-02T01:00:00Z", "2026-12-04")] // Wednesday morning WITA: by Friday
    [InlineData("2026-12-03T17:00:00Z", "2026-12-08")] // 01:00 WITA on Friday 4 December: by Tuesday
    [InlineData("2026-12-23T02:00:00Z", "2026-12-29")] // Christmas joint leave, Christmas Day and the weekend skipped
    public void AQuestion_IsAnsweredByTheSecondWorkingDay_CountedInWita(string askedAt, string due)
    {
        var question = Question.Ask(Guid.NewGuid(), QuestionTopic.Other, "Kapan izin saya terbit?", DateTimeOffset.Parse(askedAt, System.Globalization.CultureInfo.InvariantCulture), Known2026);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), question.AnswerDueOn);
    }

    [Fact]
    public void AQuestion_IsLateTheDayAfterItsLastDay_AndAnAnswerKeepsWhetherItCameLate()
    {
        var question = Question.Ask(Guid.NewGuid(), QuestionTopic.Documents, "  Dokumen apa yang saya perlukan?  ", new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), Known2026);
        Assert.Equal("Dokumen apa yang saya perlukan?", question.Text);
        Assert.False(question.IsLate(new DateOnly(2026, 12, 4)));
        Assert.True(question.IsLate(new DateOnly(2026, 12, 5)));

        question.Respond(Guid.NewGuid(), " Hanya KTP pemilik. ", new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal("Hanya KTP pemilik.", question.Answer);
        Assert.True(question.IsLate(new DateOnly(2026, 12, 4)));
        Assert.Throws<InvalidOperationException>(() => question.Respond(Guid.NewGuid(), "Kedua kali.", DateTimeOffset.UtcNow));
    }
}
