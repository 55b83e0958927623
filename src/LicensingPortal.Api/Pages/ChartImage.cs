namespace LicensingPortal.Api.Pages;

/// <summary>
/// A chart on a page: its address (the narrow one for a phone adds narrow=true), its text alternative, and for a chart
/// of kecamatan, sectors or permit types its number of bars (a phone's is as tall as they need).
/// </summary>
public sealed record ChartImage(string Src, string Alt, int? Bars = null)
{
    public int NarrowHeight => Bars is { } bars ? Features.Reports.ReportCharts.NarrowHeightOf(bars) : Features.Reports.ReportCharts.NarrowHeight;
}
