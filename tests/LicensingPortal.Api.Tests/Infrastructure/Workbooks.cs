using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// Reads a downloaded .xlsx back with the Open XML SDK, after its validator has found nothing wrong with it (a file
/// Excel would offer to "repair" fails here): each tab's rows as cells with their text or number and number format.
/// </summary>
public static class Workbooks
{
    public sealed record Cell(string Reference, string? Text, double? Number, string Format, bool Bold, bool Formula);

    public sealed record Sheet(string Name, IReadOnlyList<IReadOnlyList<Cell>> Rows, bool HeaderFrozen)
    {
        public IReadOnlyList<string?> Header => Rows[0].Select(c => c.Text).ToList();
    }

    public static IReadOnlyList<Sheet> Read(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var part = document.WorkbookPart!;
        var styles = part.WorkbookStylesPart!.Stylesheet!;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var fonts = styles.Fonts!.Elements<Font>().ToList();
        string FormatOf(uint style)
        {
            var id = formats[(int)style].NumberFormatId?.Value ?? 0;
            return custom.TryGetValue(id, out var code) ? code : id switch { 0 => "General", 3 => "#,##0", 14 => "short date", _ => $"built-in {id}" };
        }

        var sheets = new List<Sheet>();
        foreach (var sheet in part.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet!;
            var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row =>
            {
                // A cell left empty is not written: each cell goes to its column, the gaps read as empty cells.
                var cells = new List<Cell>();
                foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                {
                    var reference = cell.CellReference!.Value!;
                    var column = ColumnOf(reference);
                    while (cells.Count < column)
                    {
                        cells.Add(new Cell(string.Empty, null, null, "General", false, false));
                    }

                    var style = cell.StyleIndex?.Value ?? 0;
                    var bold = fonts[(int)(formats[(int)style].FontId?.Value ?? 0)].Bold is not null;
                    var text = cell.DataType?.Value == CellValues.InlineString ? Decoded(cell.InlineString!.InnerText) : null;
                    var number = text is null && cell.CellValue is { } value ? double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture) : (double?)null;
                    cells.Add(new Cell(reference, text, number, FormatOf(style), bold, cell.CellFormula is not null));
                }

                return (IReadOnlyList<Cell>)cells;
            }).ToList();
            var pane = worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
            sheets.Add(new Sheet(sheet.Name!.Value!, rows, pane?.State?.Value == PaneStateValues.Frozen && pane.TopLeftCell?.Value == "A2"));
        }

        return sheets;
    }

    /// <summary>A text as a spreadsheet reads it: "_xHHHH_" is the character HHHH (so "_x005F_" is "_").</summary>
    private static string Decoded(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "_x([0-9A-Fa-f]{4})_", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    /// <summary>"A1" is column 0, "AB7" column 27.</summary>
    private static int ColumnOf(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
}
