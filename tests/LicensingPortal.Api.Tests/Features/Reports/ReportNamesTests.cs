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
}
