using System.Globalization;

namespace LicensingPortal.Api.Pages;

/// <summary>
/// A table of the dashboard, as shown (and as the text alternative of its chart), with its download; folded under a
/// line that opens it when a chart above already summarises it (<paramref name="Folded"/>), so a phone does not scroll
/// through every figure to reach the next report. The download is the same table as a workbook: the same headers in the
/// reader's language, each cell's value typed (<see cref="ReportCell.Value"/>) where the page shows it as text.
/// </summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, string DownloadUrl, string DownloadText, string Empty, bool Numeric = true, bool Folded = false)
{
    /// <summary>The table as an Excel workbook named <paramref name="name"/>.</summary>
    public FileDownload ToWorkbook(string name) =>
        Spreadsheet.Table(name, Caption, Columns, Rows.Select(r => (IReadOnlyList<object?>)r.Select(c => c.Value).ToList()));
}

/// <summary>A cell: the text the page shows and the value a spreadsheet keeps (a number, a fraction, a day).</summary>
public sealed record ReportCell(string Text, object? Value)
{
    public static ReportCell Name(string text) => new(text, text);

    public static ReportCell Count(long value) => new(value.ToString("#,0", CultureInfo.CurrentCulture), value);

    public static ReportCell Percent(double rate) => new(rate.ToString("P1", CultureInfo.CurrentCulture), rate);

    /// <summary>A day kept as a date, shown as <paramref name="text"/> (say, "ends in 12 days (15 Dec 2026)").</summary>
    public static ReportCell Day(DateOnly day, string text) => new(text, day);
}
