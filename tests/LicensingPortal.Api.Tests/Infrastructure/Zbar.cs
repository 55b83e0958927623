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
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        var directory = Directory.CreateTempSubdirectory("lp-pdftext-");
        try
        {
            var input = Path.Combine(directory.FullName, "document.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var (exitCode, output, error) = await ExternalProcess.RunAsync(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", input, "-"]), TimeSpan.FromMinutes(1));
            Assert.True(exitCode == 0, $"pdftotext failed ({exitCode}): {error}");
            return output;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
