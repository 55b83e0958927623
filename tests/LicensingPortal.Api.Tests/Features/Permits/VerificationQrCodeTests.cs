using System.Globalization;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Tests.Infrastructure;
using QRCoder;
using ZXing;
using ZXing.Common;

namespace LicensingPortal.Api.Tests.Features.Permits;

/// <summary>The permit's QR code is read back before it is printed, so the common phone readers find it.</summary>
public sealed class VerificationQrCodeTests
{
    /// <summary>Verification addresses whose smallest QRCoder code ZXing does not find at some size (from 300 random ones).</summary>
    public static readonly TheoryData<string> NotFoundAtFirst =
    [
        "https://izin.kupangkota.go.id/api/verify/0358058731007?code=a13c4a209806ba30541b",
        "https://izin.kupangkota.go.id/api/verify/4474015053588?code=e9f3a51514d1fed22d8a",
        "https://izin.kupangkota.go.id/api/verify/8121803776070?code=4886708af9e2c4b4613f",
    ];

    private static readonly byte[] ByteValues = [.. Enumerable.Range(0, 256).Select(b => (byte)b)];

    [Theory]
    [MemberData(nameof(NotFoundAtFirst))]
    public void ACodeZxingDoesNotFind_IsEncodedAgainLarger(string url)
    {
        var smallest = VerificationQrCode.Modules(url, QRCodeGenerator.ECCLevel.M);

        var printed = VerificationQrCode.Encode(url);

        Assert.Contains(VerificationQrCode.ReadBackScales, scale => ReadWithZxing(smallest, scale) != url);
        Assert.True(printed.GetLength(0) > smallest.GetLength(0));
        Assert.All(VerificationQrCode.ReadBackScales, scale => Assert.Equal(url, ReadWithZxing(printed, scale)));
    }

    [Fact]
    public void ACodeZxingFinds_StaysTheSmallest()
    {
        const string url = "https://izin.kupangkota.go.id/api/verify/5371012026001?code=0123456789abcdef0123";

        Assert.Equal(VerificationQrCode.Modules(url, QRCodeGenerator.ECCLevel.M), VerificationQrCode.Encode(url));
    }

    [Fact]
    public async Task PrintedCodes_AreReadByZxingAndByZbar()
    {
        var random = new Random(2026);
        string[] types = ["PB-UMKU-SLHS", "PB-UMKU-SPPIRT", "SS-PM", "SS-TV", "IZIN"];
        var urls = Enumerable.Range(0, 300)
            .Select(i => (Number: i % 2 == 0
                    ? random.NextInt64(1_000_000_000_000, 10_000_000_000_000).ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{types[i % types.Length]}-2026-{random.Next(100_000_000):D8}"),
                Code: Convert.ToHexStringLower(random.GetItems(ByteValues, 10))))
            .Select(permit => $"https://izin.kupangkota.go.id/api/verify/{permit.Number}?code={permit.Code}")
            .Concat(NotFoundAtFirst.Select(row => row.Data))
            .ToList();
        var directory = Directory.CreateTempSubdirectory("lp-qr-");
        try
        {
            var files = new List<string>();
            foreach (var (url, index) in urls.Select((url, index) => (url, index)))
            {
                var modules = VerificationQrCode.Encode(url);
                Assert.All(VerificationQrCode.ReadBackScales, scale => Assert.Equal(url, ReadWithZxing(modules, scale)));
                var file = Path.Combine(directory.FullName, string.Create(CultureInfo.InvariantCulture, $"code-{index:D3}.pgm"));
                await File.WriteAllBytesAsync(file, Pgm(modules, pixelsPerModule: 4));
                files.Add(file);
            }

            var output = await Zbar.ReadQrCodesAsync(files, TimeSpan.FromMinutes(2));

            Assert.Equal(urls, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>ZXing's general reader, as a scanning app calls it, on an image of the code at a size.</summary>
    private static string? ReadWithZxing(bool[,] modules, int scale)
    {
        var size = modules.GetLength(0) * scale;
        var pixels = Pgm(modules, scale).AsSpan(^(size * size)).ToArray();
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE] } };
        return reader.Decode(new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }

    /// <summary>A binary greyscale PGM image of the modules (black on white).</summary>
    private static byte[] Pgm(bool[,] modules, int pixelsPerModule)
    {
        var size = modules.GetLength(0) * pixelsPerModule;
        var header = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{size} {size}\n255\n"));
        var image = new byte[header.Length + (size * size)];
        header.CopyTo(image, 0);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                image[header.Length + (y * size) + x] = modules[y / pixelsPerModule, x / pixelsPerModule] ? (byte)0 : (byte)255;
            }
        }

        return image;
    }
}
