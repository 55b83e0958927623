using LicensingPortal.Api.Domain;

namespace LicensingPortal.Api.Tests.Domain;

/// <summary>The validity arithmetic of permits and their renewals, at month ends and on 29 February.</summary>
public sealed class PermitValidityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2023-03-01", 60, "2028-02-29")]
    [InlineData("2028-02-29", 36, "2031-02-28")]
    [InlineData("2028-02-29", 48, "2032-02-28")]
    [InlineData("2026-12-03", 36, "2029-12-02")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-03-01", 60, "2031-02-28")]
    public void APermit_EndsTheDayBeforeItsFirstDay_ThatManyMonthsOn(string issued, int months, string lastDay)
    {
        var permit = Issue(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), months);

        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), permit.ValidUntil);
    }

    [Fact]
    public void ARenewalOfAPermitEnding29February_StartsOn1March_WithNoGapAndNoOverlap()
    {
        var old = Issue(new DateOnly(2023, 3, 1), 60);
        Assert.Equal(new DateOnly(2028, 2, 29), old.ValidUntil);

        var renewed = old.RenewAs("IZIN-2028-00000002", Guid.CreateVersion7(), ["56101"], new DateOnly(2028, 1, 10), 60, _ => "code", Now);

        Assert.Equal(new DateOnly(2028, 3, 1), renewed.ValidFrom);
        Assert.Equal(new DateOnly(2033, 2, 28), renewed.ValidUntil);
        Assert.Equal(old.Id, renewed.RenewsPermitId);
        Assert.Equal(renewed.Id, old.RenewedByPermitId);
        Assert.True(renewed.StartsAfter(new DateOnly(2028, 2, 29)));
        Assert.False(renewed.StartsAfter(new DateOnly(2028, 3, 1)));
        Assert.Equal(RenewalState.AlreadyRenewed, old.RenewalStateOn(new DateOnly(2028, 1, 10)));
        Assert.Throws<InvalidOperationException>(() => old.RenewAs("IZIN-2028-00000003", Guid.CreateVersion7(), ["56101"], new DateOnly(2028, 1, 11), 60, _ => "code", Now));
    }

    [Theory]
    [InlineData("2027-11-30", RenewalState.NotYetOpen)]
    [InlineData("2027-12-01", RenewalState.Open)]
    [InlineData("2028-02-29", RenewalState.Open)]
    [InlineData("2028-03-01", RenewalState.Ended)]
    public void TheRenewalWindow_Opens90DaysBeforeTheLastDay_AndClosesAfterIt(string day, RenewalState expected)
    {
        var permit = Issue(new DateOnly(2023, 3, 1), 60);

        Assert.Equal(expected, permit.RenewalStateOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Permit Issue(DateOnly issued, int months) =>
        Permit.Issue("IZIN-2023-00000001", "IZIN", Guid.CreateVersion7(), Guid.CreateVersion7(), ["56101"], issued, months, _ => "code", Now);
}
