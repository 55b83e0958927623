using LicensingPortal.Api.Domain;

namespace LicensingPortal.Api.Tests.Domain;

/// <summary>The law's days for an objection (UU 30/2014 Pasal 77), counted in working days on Kupang's calendar.</summary>
public sealed class ObjectionDeadlineTests
{
    [Theory]
    [InlineData("2026-12-04", 21, "2027-01-04")] // a Friday: four whole weeks, then the Monday
    [InlineData("2026-12-03", 21, "2027-01-01")] // a Thursday: the Friday counts as the first day
    [InlineData("2026-12-05", 10, "2026-12-18")] // a Saturday: counting starts on the Monday
    [InlineData("2026-12-06", 1, "2026-12-07")]
    [InlineData("2026-12-07", 0, "2026-12-07")]
    public void WorkingDays_SkipSaturdaysAndSundays(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Wita.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void TheLastDayToObject_IsCountedFromTheDayInKupang_NotInUtc()
    {
        // 16:30 UTC on Thursday 3 December is 00:30 WITA on Friday 4 December.
        Assert.Equal(new DateOnly(2027, 1, 4), Objection.LastDayToFile(new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 1, 1), Objection.LastDayToFile(new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnObjection_IsTakenAMarginPastTheLastDay_ForHolidaysNotCountedHere_AndNoLonger()
    {
        var decided = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

        Assert.True(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 4)));
        Assert.True(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 18)));
        Assert.False(Objection.MayStillBeFiled(decided, new DateOnly(2027, 1, 19)));
    }

    [Fact]
    public void AnObjection_IsDueTenWorkingDaysAfterItCame_AnsweredOnce_AndLateOnlyAfterItsDay()
    {
        var objection = Objection.File(Guid.NewGuid(), Guid.NewGuid(), "  Zona kelurahan saya salah di peta.  ", ["A", "A", "B"], [], new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 18), objection.AnswerDueOn);
        Assert.Equal("Zona kelurahan saya salah di peta.", objection.Reason);
        Assert.Equal(["A", "B"], objection.RequirementIds);
        Assert.False(objection.IsLate(new DateOnly(2026, 12, 18)));
        Assert.True(objection.IsLate(new DateOnly(2026, 12, 19)));

        objection.Respond(Guid.NewGuid(), ObjectionOutcome.Stands, "Keputusan tetap, sebab ...", new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));

        Assert.False(objection.IsLate(new DateOnly(2027, 3, 1)));
        Assert.Throws<InvalidOperationException>(() => objection.Respond(Guid.NewGuid(), ObjectionOutcome.Upheld, "Lagi.", DateTimeOffset.UtcNow));
    }

    /// <summary>The log's entry of a filed objection names its evidence, and reads as it always did when there is none (entries made before evidence could be attached still verify).</summary>
    [Fact]
    public void TheLogsEntry_NamesTheEvidence_AndIsUnchangedWithoutIt()
    {
        var at = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
        var (application, owner, letter) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var without = Objection.File(application, owner, "Zona kelurahan saya salah di peta.", ["A"], [], at);
        var with = Objection.File(application, owner, "Zona kelurahan saya salah di peta.", ["A"], [letter], at);

        var before = LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.Sha256($"{application:N}|{owner:N}|A|{at.ToUnixTimeMilliseconds()}|2026-12-18|Zona kelurahan saya salah di peta.");
        Assert.Equal(before, LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.ForObjectionFiled(without));
        Assert.Equal(LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.Sha256($"{application:N}|{owner:N}|A|{at.ToUnixTimeMilliseconds()}|2026-12-18|Zona kelurahan saya salah di peta.|{letter:N}"), LicensingPortal.Api.Infrastructure.Transparency.LogPayloads.ForObjectionFiled(with));
    }
}
