using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>What a column of a <see cref="Spreadsheet"/> holds, and so how a spreadsheet shows it.</summary>
public enum SheetValue
{
    /// <summary>Words, kept as text (never read as a formula).</summary>
    Text,

    /// <summary>A whole number, shown with the reader's thousands separator.</summary>
    Count,

    /// <summary>A share between 0 and 1, shown as a percentage with one decimal.</summary>
    Percent,

    /// <summary>A day, shown in the reader's own date format.</summary>
    Date,

    /// <summary>A day and time of day (a DateTime as the clock showed it, say in WITA), shown in the reader's own format.</summary>
    Moment,
}

public sealed record SheetColumn(string Header, SheetValue Value)
{
    /// <summary>A column headed by a text of the service, in the reader's language.</summary>
    public static SheetColumn Titled(string textKey, SheetValue value = SheetValue.Text) => new(Web.Texts.Get(textKey), value);
}

/// <summary>One tab of a workbook: its name, its columns and a value per column in each row.</summary>
public sealed record SheetTable(string Name, IReadOnlyList<SheetColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// A table as an Excel workbook (.xlsx, Office Open XML, written with Microsoft's Open XML SDK): one sheet, its headers
/// in bold on a frozen first row, numbers and days stored as numbers and days. A CSV is read by the spreadsheet in the
/// reader's regional settings: Excel set to Indonesian splits on semicolons and reads a decimal point as text, so a
/// comma-separated file opened there is one column of mixed text. A workbook carries its own types and opens the same
/// everywhere, so the pages offer this to people; the API's format=csv stays for programs (ADR 0026).
/// </summary>
public static partial class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const uint CountStyle = 2;
    private const uint PercentStyle = 3;
    private const uint DateStyle = 4;
    private const uint MomentStyle = 5;

    /// <summary>Excel's built-in "#,##0", the reader's short date and short date with time; "0.0%" is ours.</summary>
    private const uint CountFormat = 3;
    private const uint DateFormat = 14;
    private const uint MomentFormat = 22;
    private const uint PercentFormat = 164;

    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>
    /// The workbook of one table: <paramref name="sheet"/> names its tab (cut to Excel's 31 characters), each row gives one
    /// value per column (null or an empty text for an empty cell; a count as an integer, a percentage as a fraction, a date as a DateOnly, a
    /// moment as a DateTime).
    /// </summary>
    public static FileDownload Table(string name, string sheet, IReadOnlyList<SheetColumn> columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        Workbook(name, [new SheetTable(sheet, columns, rows)]);

    /// <summary>A workbook of several tables, a tab each, in order; the file is <paramref name="name"/>.xlsx.</summary>
    public static FileDownload Workbook(string name, IReadOnlyList<SheetTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var table in tables)
            {
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                Write(worksheet, table);
                var tab = SheetName(table.Name);
                for (var n = 2; !names.Add(tab); n++)
                {
                    tab = SheetName(table.Name, string.Create(CultureInfo.InvariantCulture, $" ({n})"));
                }

                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = (uint)sheets.ChildElements.Count + 1, Name = tab });
            }

            document.PackageProperties.Title = tables.Count > 0 ? tables[0].Name : name;
        }

        return new FileDownload(stream.ToArray(), ContentType, $"{name}.xlsx");
    }

    /// <summary>
    /// The table's sheet, streamed: each cell is written and dropped (the SDK's document tree of 10,000 rows took 54 times
    /// the CSV's time and 100 MB, docs/benchmarks.md). The rows are read twice, first for the columns' widths.
    /// </summary>
    private static void Write(WorksheetPart part, SheetTable table)
    {
        var columns = table.Columns;
        if (columns.Count == 0)
        {
            throw new ArgumentException($"The table \"{table.Name}\" has no columns.", nameof(table));
        }

        var rows = table.Rows as IReadOnlyCollection<IReadOnlyList<object?>> ?? table.Rows.ToList();
        var widths = columns.Select(c => (double)Math.Max(c.Header.Length, 8)).ToArray();
        foreach (var values in rows)
        {
            for (var i = 0; i < columns.Count && i < values.Count; i++)
            {
                if (values[i] is not (null or ""))
                {
                    widths[i] = Math.Max(widths[i], Shown(columns[i].Value, values[i]!).Length);
                }
            }
        }

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Min(w, 60) + 2, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(Row(1, columns.Select((c, i) => Text(Reference(i, 1), c.Header, HeaderStyle))));
        uint number = 1;
        foreach (var values in rows)
        {
            number++;
            writer.WriteStartElement(new Row { RowIndex = number });
            for (var i = 0; i < columns.Count && i < values.Count; i++)
            {
                if (values[i] is not (null or "") and var value)
                {
                    writer.WriteElement(Value(Reference(i, number), columns[i].Value, value));
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Row Row(uint number, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = number };
        row.Append(cells);
        return row;
    }

    private static Cell Value(string reference, SheetValue kind, object value) => kind switch
    {
        SheetValue.Count => Number(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), CountStyle),
        SheetValue.Percent => Number(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), PercentStyle),
        SheetValue.Date => Number(reference, ((DateOnly)value).DayNumber - Epoch.DayNumber, DateStyle),
        SheetValue.Moment => Number(reference, Math.Round((((DateTime)value) - Epoch.ToDateTime(TimeOnly.MinValue)).TotalDays, 8), MomentStyle),
        _ => Text(reference, Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty, 0),
    };

    /// <summary>About as wide as the value is shown, for the column's width.</summary>
    private static string Shown(SheetValue kind, object value) => kind switch
    {
        SheetValue.Date => "00/00/0000",
        SheetValue.Moment => "00/00/0000 00:00",
        SheetValue.Percent => "100,0%",
        SheetValue.Count => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty,
    };

    private static Cell Number(string reference, double value, uint style) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style };

    /// <summary>"A1" for the first column of the first row; "AA" after "Z".</summary>
    private static string Reference(int column, uint row)
    {
        var letters = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{letters}{row}");
    }

    /// <summary>
    /// A tab's name as Excel allows it: at most 31 characters (no surrogate pair cut), none of : \ / ? * [ ], no
    /// apostrophe at either end, not "History" (Excel's own); <paramref name="suffix"/> (" (2)") kept whole at the end.
    /// </summary>
    private static string SheetName(string name, string suffix = "")
    {
        var cleaned = Storable(new string(name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray())).Trim().Trim('\'').Trim();
        var room = 31 - suffix.Length;
        if (cleaned.Length > room)
        {
            cleaned = cleaned[..(char.IsHighSurrogate(cleaned[room - 1]) ? room - 1 : room)].TrimEnd().TrimEnd('\'');
        }

        cleaned = cleaned.Length == 0 || cleaned.Equals("History", StringComparison.OrdinalIgnoreCase) ? "Tabel" : cleaned;
        return cleaned + suffix;
    }

    /// <summary>An inline string: a text cell is never a formula, whatever it starts with.</summary>
    private static Cell Text(string reference, string value, uint style) =>
        new(new InlineString(new Text(Storable(value)) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>
    /// A text as a cell can hold it: characters XML cannot carry (control characters an applicant's name may hold, a lone
    /// surrogate) are dropped, or the writer would throw; "_x0041_" is escaped, or a spreadsheet would read it as "A".
    /// </summary>
    private static string Storable(string value)
    {
        var text = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(value, i++, 2);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(value[i]))
            {
                text.Append(value[i]);
            }
        }

        return EscapedCode().Replace(text.ToString(), "_x005F$0");
    }

    [System.Text.RegularExpressions.GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial System.Text.RegularExpressions.Regex EscapedCode();

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = CountFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = PercentFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = MomentFormat, ApplyNumberFormat = true })
        { Count = 6 });
}
