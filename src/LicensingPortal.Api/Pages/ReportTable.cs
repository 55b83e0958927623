namespace LicensingPortal.Api.Pages;

/// <summary>
/// A table of the dashboard, as shown (and as the text alternative of its chart), with its CSV link; folded under a
/// line that opens it when a chart above already summarises it (<paramref name="Folded"/>), so a phone does not scroll
/// through every figure to reach the next report.
/// </summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string CsvUrl, string CsvText, string Empty, bool Numeric = true, bool Folded = false);
