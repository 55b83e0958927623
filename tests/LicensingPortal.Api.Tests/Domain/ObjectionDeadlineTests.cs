using LicensingPortal.Api.Domain;

namespace LicensingPortal.Api.Tests.Domain;

/// <summary>The law's days for an objection (UU 30/2014 Pasal 77), counted in working days on Kupang's calendar.</summary>
public sealed class ObjectionDeadlineTests
{
    /// <summary>2026 as the service's migration writes it (its decree's 25 days); 2027 not known yet.</summary>
    private static readonly WorkingCalendar Known2026 = new(LicensingPortal.Api.Data.HolidaySeeds.Year2026.Select(h => h.Date), [2026]);

    [Theory]
    [InlineData("2026-12-04", 21, "2027-01-04")] // a Friday: four whole weeks, then the Monday
    [InlineData("2026-12-03", 21, "2027-01-01")] // a Thursday: the Friday counts as the first day
    [InlineData("2026-12-05", 10, "2026-12-18")] // a Saturday: counting starts on the Monday
    [InlineData("2026-12-06", 1, "2026-12-07")]
    [InlineData("2026-12-07", 0, "2026-12-07")]
    public void WorkingDays_SkipSaturdaysAndSundays(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingCalendar.Weekdays.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Theory]
    [InlineData("2026-12-04", 21, "2027-01-06")] // Christmas joint leave and Christmas Day skipped
    [InlineData("2026-03-13", 5, "2026-03-27")] // Nyepi, Idul Fitri and their joint leave: five weekdays skipped
    [InlineData("2026-12-23", 1, "2026-12-28")]
    public void WorkingDays_SkipTheYearsHolidaysAndJointLeave(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Known2026.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void TheLastDayToObject_IsCountedFromTheDayInKupang_NotInUtc()
    {
        // 16:30 UTC on Thursday 3 December is 00:30 WITA on Friday 4 December.
        Assert.Equal(new DateOnly(2027, 1, 6), Objection.LastDayToFile(new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.Zero), Known2026));
        Assert.Equal(new DateOnly(2027, 1, 5), Objection.LastDayToFile(new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero), Known2026));
    }

    [Fact]
    public void AnObjection_IsTakenAMarginPastTheLastDay_WhileAYearsHolidaysAreNotKnown_AndNoLonger()
    {
        var decided = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

        // 2027's holidays not known: two weeks more.
        Assert.True(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 6), Known2026));
        Assert.True(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 20), Known2026));
        Assert.False(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 21), Known2026));

        // Once they are (New Year's Day a holiday), the day told is the last day taken.
        var known2027 = new WorkingCalendar([.. LicensingPortal.Api.Data.HolidaySeeds.Year2026.Select(h => h.Date), new DateOnly(2027, 1, 1)], [2026, 2027]);
        Assert.Equal(new DateOnly(2027, 1, 7), Objection.LastDayToFile(decided, known2027));
        Assert.Equal(new DateOnly(2027, 1, 7), Objection.LastDayTaken(decided, known2027));
        Assert.False(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 8), known2027));

        // A year set only after the decision lengthens the time to object, never shortens what the owner was told
        // then (the 6th of January, taken until the 20th): its holidays are added to the margin.
        var setLater = new WorkingCalendar([.. LicensingPortal.Api.Data.HolidaySeeds.Year2026.Select(h => h.Date), new DateOnly(2027, 1, 1)], [(2026, DateTimeOffset.MinValue), (2027, new DateTimeOffset(2027, 1, 8, 0, 0, 0, TimeSpan.Zero))]);
        Assert.Equal(new DateOnly(2027, 1, 7), Objection.LastDayToFile(decided, setLater));
        Assert.Equal(new DateOnly(2027, 1, 21), Objection.LastDayTaken(decided, setLater));
        Assert.True(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 21), setLater));
        var decidedAfter = new DateTimeOffset(2027, 1, 8, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(Objection.LastDayToFile(decidedAfter, setLater), Objection.LastDayTaken(decidedAfter, setLater));

        // A decision within a known year, its last day too.
        var march = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(Objection.LastDayToFile(march, Known2026), Objection.LastDayTaken(march, Known2026));
        Assert.Equal(Objection.LastDayToFile(march, WorkingCalendar.Weekdays).AddDays(Objection.HolidayMarginDays), Objection.LastDayTaken(march, WorkingCalendar.Weekdays));
    }

    [Fact]
    public void AnObjection_IsDueTenWorkingDaysAfterItCame_AnsweredOnce_AndLateOnlyAfterItsDay()
    {
        var objection = Objection.File(Guid.NewGuid(), Guid.NewGuid(), "  Zona kelurahan saya salah di peta.  ", ["A", "A", "B"], [], new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero), Known2026);

        Assert.Equal(new DateOnly(2026, 12, 18), objection.AnswerDueOn);
        Assert.Equal("Zona kelurahan saya salah di peta.", objection.Reason);
        Assert.Equal(["A", "B"], objection.RequirementIds);
        Assert.False(objection.IsLate(new DateOnly(2026, 12, 18)));
        Assert.True(objection.IsLate(new DateOnly(2026, 12, 19)));

        objection.Respond(Guid.NewGuid(), ObjectionOutcome.Stands, "Keputusan tetap, sebab ...", new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));

        Assert.False(objection.IsLate(new DateOnly(2027, 3, 1)));
        Assert.Throws<InvalidOperationException>(() => objection.Respond(Guid.NewGuid(), ObjectionOutcome.Upheld, "Lagi.", DateTimeOffset.UtcNow));
        Assert.Equal(new DateOnly(2026, 12, 28), Objection.LastDayToAppeal(objection.AnsweredAt, Known2026));

        // Over Christmas, the office's ten days skip the joint leave and the day itself.
        Assert.Equal(new DateOnly(2026, 12, 30), Objection.File(Guid.NewGuid(), Guid.NewGuid(), "Zona kelurahan saya salah di peta.", [], [], new DateTimeOffset(2026, 12, 14, 2, 0, 0, TimeSpan.Zero), Known2026).AnswerDueOn);
    }

    /// <summary>
    /// An appeal to the mayor (Pasal 78): only after the refusal stood, once, until the tenth working day after the
    /// answer (and that day itself), two weeks more while a year the time spans was not set when the answer was given;
    /// the mayor's office answers once, within ten working days of the appeal.
    /// </summary>
    [Fact]
    public void AnAppeal_IsTakenUntilItsLastDay_OnlyAfterTheRefusalStood_AndAnsweredOnce()
    {
        Objection Filed() => Objection.File(Guid.NewGuid(), Guid.NewGuid(), "Zona kelurahan saya salah di peta.", [], [], new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero), Known2026);
        var answeredAt = new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);

        var waiting = Filed();
        Assert.False(waiting.MayBeAppealed(new DateOnly(2026, 12, 10), Known2026));
        var granted = Filed();
        granted.Respond(Guid.NewGuid(), ObjectionOutcome.Upheld, "Kesalahan kami; kirim lagi.", answeredAt);
        Assert.False(granted.MayBeAppealed(new DateOnly(2026, 12, 10), Known2026));

        var stands = Filed();
        stands.Respond(Guid.NewGuid(), ObjectionOutcome.Stands, "Keputusan tetap, sebab ...", answeredAt);
        // Ten working days from the 10th, the Christmas joint leave and the day skipped: the 28th, taken that day and not after.
        Assert.Equal(new DateOnly(2026, 12, 28), Objection.LastDayAppealTaken(stands.AnsweredAt, Known2026));
        Assert.True(stands.MayBeAppealed(new DateOnly(2026, 12, 28), Known2026));
        Assert.False(stands.MayBeAppealed(new DateOnly(2026, 12, 29), Known2026));
        Assert.Throws<InvalidOperationException>(() => stands.AppealToMayor("Terlambat sehari.", new DateTimeOffset(2026, 12, 29, 2, 0, 0, TimeSpan.Zero), Known2026));

        // An answer whose ten days run into a year not set yet: two weeks more, as for the objection itself.
        var late = Filed();
        late.Respond(Guid.NewGuid(), ObjectionOutcome.Stands, "Keputusan tetap, sebab ...", new DateTimeOffset(2026, 12, 21, 2, 0, 0, TimeSpan.Zero));
        var told = Objection.LastDayToAppeal(late.AnsweredAt, Known2026)!.Value;
        Assert.Equal(told.AddDays(Objection.HolidayMarginDays), Objection.LastDayAppealTaken(late.AnsweredAt, Known2026));
        Assert.True(late.MayBeAppealed(told.AddDays(Objection.HolidayMarginDays), Known2026));
        Assert.False(late.MayBeAppealed(told.AddDays(Objection.HolidayMarginDays + 1), Known2026));

        stands.AppealToMayor("  Saya tetap tidak setuju dengan jawaban itu.  ", new DateTimeOffset(2026, 12, 14, 2, 0, 0, TimeSpan.Zero), Known2026);
        var appeal = stands.Appeal!;
        Assert.Equal(("Saya tetap tidak setuju dengan jawaban itu.", new DateOnly(2026, 12, 30)), (appeal.Reason, appeal.AnswerDueOn));
        Assert.False(stands.MayBeAppealed(new DateOnly(2026, 12, 14), Known2026));
        Assert.Throws<InvalidOperationException>(() => stands.AppealToMayor("Sekali lagi.", new DateTimeOffset(2026, 12, 15, 2, 0, 0, TimeSpan.Zero), Known2026));
        Assert.False(appeal.IsLate(new DateOnly(2026, 12, 30)));
        Assert.True(appeal.IsLate(new DateOnly(2026, 12, 31)));
        appeal.Respond(Guid.NewGuid(), ObjectionOutcome.Stands, "Keputusan tetap.", new DateTimeOffset(2026, 12, 31, 2, 0, 0, TimeSpan.Zero));
        Assert.True(appeal.IsLate(new DateOnly(2027, 3, 1)));
        Assert.Throws<InvalidOperationException>(() => appeal.Respond(Guid.NewGuid(), ObjectionOutcome.Upheld, "Lagi.", DateTimeOffset.UtcNow));
    }

    /// <summary>The log's entry of a filed objection names its evidence, and reads as it always did when there is none (entries made before evidence could be attached still verify).</summary>
    [Fact]
    public void TheLogsEntry_NamesTheEvidence_AndIsUnchangedWithoutIt()
    {
        var at = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
        var (application, owner, letter) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var without = Objection.File(application, owner, "Zona kelurahan saya salah di peta.", ["A"], [], at, Known2026);
        var with = Objection.File(application, owner, "Zona kelurahan saya salah di peta.", ["A"], [letter], at, Known2026);

        var before = LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.Sha256($"{application:N}|{owner:N}|A|{at.ToUnixTimeMilliseconds()}|2026-12-18|Zona kelurahan saya salah di peta.");
        Assert.Equal(before, LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.ForObjectionFiled(without));
        Assert.Equal(LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.Sha256($"{application:N}|{owner:N}|A|{at.ToUnixTimeMilliseconds()}|2026-12-18;{letter:N}|Zona kelurahan saya salah di peta."), LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.ForObjectionFiled(with));
    }
}
