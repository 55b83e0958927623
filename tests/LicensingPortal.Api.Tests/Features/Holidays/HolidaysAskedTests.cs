using LicensingPortal.Api.Pages.Admin;

namespace LicensingPortal.Api.Tests.Features.Holidays;

/// <summary>
/// The administrator's start page asks for this year's holidays while they are not set, and from October for next
/// year's (the three ministers' decree is out by then, and the time to object reaches into the next year from December).
/// </summary>
public sealed class HolidaysAskedTests
{
    [Theory]
    [InlineData("2026-01-01", new[] { 2026 })]
    [InlineData("2026-09-30", new[] { 2026 })]
    [InlineData("2026-10-01", new[] { 2026, 2027 })]
    [InlineData("2026-12-31", new[] { 2026, 2027 })]
    [InlineData("2027-01-02", new[] { 2027 })]
    public void TheYearsAsked_AreThisOne_AndFromOctoberTheNext(string today, int[] asked) =>
        Assert.Equal(asked, IndexModel.YearsAsked(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
