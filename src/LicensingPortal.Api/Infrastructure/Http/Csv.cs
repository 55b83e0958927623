using System.Globalization;
using System.Text;
using CsvHelper;

namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>
/// A table as a CSV download (comma-separated, UTF-8, invariant numbers), written with CsvHelper. A text that a
/// spreadsheet would run as a formula (an applicant's business name starting with "=") is escaped to read as text.
/// </summary>
public static class Csv
{
    public static FileDownload Table(string name, string[] header, IEnumerable<IEnumerable<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, false))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(value);
                }

                csv.EndRecord();
            }
        }

        return new FileDownload(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"{name}.csv");
    }
}
