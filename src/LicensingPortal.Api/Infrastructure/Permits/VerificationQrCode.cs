using QRCoder;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// The QR code printed on a permit. Every code QRCoder makes is valid, but the detector of ZXing — the reader inside
/// many phone scanners and web pages — fails to locate about one in 150 to 300 of ours (some data patterns
/// mislead it, at some image sizes), although zbar and ZXing's own decoder read them. So each code is read back
/// with ZXing, from images of several sizes, before it is printed; when it is not found in one of them it is encoded
/// again one or two versions larger (another layout), or at a higher error-correction level. See docs/adr/0009-permit-qr-codes-read-back.md.
/// </summary>
public static class VerificationQrCode
{
    /// <summary>The sizes, in pixels per module, of the images a code is read back from: a phone sees it at any of them.</summary>
    public static IReadOnlyList<int> ReadBackScales { get; } = [2, 3, 4, 5, 6, 7, 8, 9, 10];

    /// <summary>
    /// The modules of a QR code for <paramref name="text"/>, quiet zone included (true is dark): the first of the
    /// candidates ZXing reads back as the same text; the first candidate if, unexpectedly, none is read.
    /// </summary>
    public static bool[,] Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        var first = Modules(generator, text, QRCodeGenerator.ECCLevel.M, version: -1, out var version);
        if (ReadsBack(first, text))
        {
            return first;
        }

        var candidates = new[] { (QRCodeGenerator.ECCLevel.M, version + 1), (QRCodeGenerator.ECCLevel.M, version + 2), (QRCodeGenerator.ECCLevel.Q, version + 1) };
        foreach (var (level, larger) in candidates.Where(c => c.Item2 <= 40))
        {
            var modules = Modules(generator, text, level, larger, out _);
            if (ReadsBack(modules, text))
            {
                return modules;
            }
        }

        return first;
    }

    /// <summary>
    /// Whether ZXing's QR reader, with its default settings, finds the code and reads <paramref name="text"/> in clean
    /// images of it at every size of <see cref="ReadBackScales"/> (whether it finds one depends a little on the size).
    /// </summary>
    public static bool ReadsBack(bool[,] modules, string text)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var reader = new QRCodeReader();
        foreach (var scale in ReadBackScales)
        {
            var size = modules.GetLength(0) * scale;
            var pixels = new byte[size * size];
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    pixels[(y * size) + x] = modules[y / scale, x / scale] ? (byte)0 : (byte)255;
                }
            }

            var image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8)));
            if (reader.decode(image)?.Text != text)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>QRCoder's code at a level and version (-1: the smallest that fits) as a matrix.</summary>
    public static bool[,] Modules(string text, QRCodeGenerator.ECCLevel level, int version = -1)
    {
        using var generator = new QRCodeGenerator();
        return Modules(generator, text, level, version, out _);
    }

    private static bool[,] Modules(QRCodeGenerator generator, string text, QRCodeGenerator.ECCLevel level, int version, out int actualVersion)
    {
        using var data = generator.CreateQrCode(text, level, requestedVersion: version);
        actualVersion = data.Version;
        var rows = data.ModuleMatrix;
        var modules = new bool[rows.Count, rows.Count];
        for (var row = 0; row < rows.Count; row++)
        {
            for (var column = 0; column < rows.Count; column++)
            {
                modules[row, column] = rows[row][column];
            }
        }

        return modules;
    }
}
