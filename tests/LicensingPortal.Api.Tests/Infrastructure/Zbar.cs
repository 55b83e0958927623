using System.Diagnostics;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Reads QR codes from image files with zbar (zbarimg), a reader independent of the ZXing the product checks its codes with.</summary>
public static class Zbar
{
    /// <summary>The text of each QR code found, one line per code, in the order of the images.</summary>
    public static async Task<string> ReadQrCodesAsync(IEnumerable<string> images, TimeSpan timeout)
    {
        var (exitCode, output, error) = await ExternalProcess.RunAsync(
            new ProcessStartInfo("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", .. images]), timeout);
        Assert.True(exitCode == 0, $"zbarimg failed ({exitCode}): {error}");
        return output;
    }

    /// <summary>
    /// Prints a permit's first page as a greyscale image at 150 dpi (pdftoppm) and reads its QR code, as a phone would
    /// read the printed permit.
    /// </summary>
    public static async Task<string> ReadPermitQrCodeAsync(byte[] pdf)
    {
        var directory = Directory.CreateTempSubdirectory("lp-pdf-");
        try
        {
            var input = Path.Combine(directory.FullName, "permit.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var (exitCode, _, error) = await ExternalProcess.RunAsync(
                new ProcessStartInfo("pdftoppm", ["-gray", "-r", "150", "-f", "1", "-l", "1", input, Path.Combine(directory.FullName, "page")]), TimeSpan.FromMinutes(1));
            Assert.True(exitCode == 0, $"pdftoppm failed ({exitCode}): {error}");
            var page = Directory.GetFiles(directory.FullName, "page*.pgm").Single();
            return (await ReadQrCodesAsync([page], TimeSpan.FromMinutes(1))).TrimEnd('\n');
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>Reads the text of a PDF with pdftotext (poppler), as a person reading the printed page would.</summary>
public static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf) => await RunAsync(pdf, []);

    /// <summary>
    /// Every word of a PDF with where it is printed (pdftotext -bbox): its page (from 1), that page's width and the
    /// word's box in points, to tell a word printed past the paper's edge from one within it.
    /// </summary>
    public static async Task<IReadOnlyList<PdfWord>> ReadWordsAsync(byte[] pdf)
    {
        var page = 0;
        var width = 0.0;
        var words = new List<PdfWord>();
        foreach (var element in System.Xml.Linq.XDocument.Parse(await RunAsync(pdf, ["-bbox"])).Descendants())
        {
            double Read(string name) => double.Parse(element.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);
            switch (element.Name.LocalName)
            {
                case "page":
                    page++;
                    width = Read("width");
                    break;
                case "word":
                    words.Add(new PdfWord(page, width, element.Value, Read("xMin"), Read("xMax"), Read("yMin"), Read("yMax")));
                    break;
            }
        }

        return words;
    }

    private static async Task<string> RunAsync(byte[] pdf, string[] options)
    {
        var directory = Directory.CreateTempSubdirectory("lp-pdftext-");
        try
        {
            var input = Path.Combine(directory.FullName, "document.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var (exitCode, output, error) = await ExternalProcess.RunAsync(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", .. options, input, "-"]), TimeSpan.FromMinutes(1));
            Assert.True(exitCode == 0, $"pdftotext failed ({exitCode}): {error}");
            return output;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>A word of a PDF where it is printed: its page (from 1), the page's width, and its box, in points.</summary>
public sealed record PdfWord(int Page, double PageWidth, string Text, double Left, double Right, double Top, double Bottom);
