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
}
