using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Tests.Features.Reports;

/// <summary>A report's periods as people name them, on the mayor's charts (brief) and in the tables under them.</summary>
public sealed class ReportNamesTests
{
    [Theory]
    [InlineData("2026-11-06", "day", Language.Indonesian, false, "6 November 2026")]
    [InlineData("2026-11-06", "day", Language.Indonesian, true, "6 Nov")]
    [InlineData("2026-12-01", "day", Language.Indonesian, true, "1 Des")]
    [InlineData("2026-12-01", "day", Language.English, true, "1 Dec")]
    [InlineData("2026-W05", "week", Language.Indonesian, false, "Pekan 5, 2026")]
    [InlineData("2026-W45", "week", Language.Indonesian, true, "Pekan 45")]
    [InlineData("2026-W45", "week", Language.English, false, "Week 45, 2026")]
    [InlineData("2026-08", "month", Language.Indonesian, false, "Agustus 2026")]
    [InlineData("2026-08", "month", Language.English, true, "Aug 2026")]
    [InlineData("not a period", "day", Language.Indonesian, false, "not a period")]
    public void APeriod_IsNamedAsPeopleNameIt(string period, string granularity, Language language, bool brief, string expected) =>
        Assert.Equal(expected, ReportCharts.PeriodName(period, granularity, language, brief));

    [Theory]
    [InlineData("Makanan dan minuman", "Makanan dan\nminuman")]
    [InlineData("Jasa perorangan", "Jasa\nperorangan")]
    [InlineData("Food and drink", "Food and\ndrink")]
    [InlineData("Perdagangan", "Perdagangan")]
    [InlineData("Kelapa Lima", "Kelapa Lima")]
    [InlineData("Pariwisata-pesisir", "Pariwisata-pesisir")]
    public void ALongNameBesideAPhonesBar_IsFoldedAtTheSpaceNearestItsMiddle(string name, string expected) =>
        Assert.Equal(expected, ReportCharts.Fold(name));

    [Fact]
    public void ADailyChart_HasABarForEveryDay_AnEmptyOneWhereNothingWasDecided()
    {
        IReadOnlyList<ThroughputRow> rows = [new("2026-11-07", 3, 2, 1, 0.67), new("2026-11-10", 1, 1, 0, 1)];

        var every = ReportCharts.EveryPeriod(rows, "day", new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 11));

        Assert.Equal(["2026-11-06", "2026-11-07", "2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11"], every.Select(r => r.Period));
        Assert.Equal([0L, 3, 0, 0, 1, 0], every.Select(r => r.Total));
        Assert.Equal(["2026-W45", "2026-W46"], ReportCharts.EveryPeriod([new("2026-W46", 1, 1, 0, 1)], "week", new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 11)).Select(r => r.Period));
        Assert.Equal(["2026-10", "2026-11"], ReportCharts.EveryPeriod([], "month", new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 2)).Select(r => r.Period));
    }

    [Theory]
    [InlineData(Language.Indonesian, "7 Nov 2026 – 6 Des 2026")]
    [InlineData(Language.English, "7 Nov 2026 – 6 Dec 2026")]
    public void AChartsRange_IsSaidAsPeopleSayDates(Language language, string expected) =>
        Assert.Equal(expected, ReportCharts.Span(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), language));
}
