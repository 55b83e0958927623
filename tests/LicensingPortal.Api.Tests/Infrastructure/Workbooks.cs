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
            var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row => (IReadOnlyList<Cell>)row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(cell =>
            {
                var style = cell.StyleIndex?.Value ?? 0;
                var bold = fonts[(int)(formats[(int)style].FontId?.Value ?? 0)].Bold is not null;
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : null;
                var number = text is null && cell.CellValue is { } value ? double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture) : (double?)null;
                return new Cell(cell.CellReference!.Value!, text, number, FormatOf(style), bold, cell.CellFormula is not null);
            }).ToList()).ToList();
            var pane = worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
            sheets.Add(new Sheet(sheet.Name!.Value!, rows, pane?.State?.Value == PaneStateValues.Frozen && pane.TopLeftCell?.Value == "A2"));
        }

        return sheets;
    }
}
