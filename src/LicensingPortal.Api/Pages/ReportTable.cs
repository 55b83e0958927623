namespace LicensingPortal.Api.Pages;

/// <summary>A table of the dashboard, as shown (and as the text alternative of its chart), with its CSV link.</summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string CsvUrl, string CsvText, string Empty, bool Numeric = true);
