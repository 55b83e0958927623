using System.Text;
using LicensingPortal.Api.Infrastructure.Storage;
using LicensingPortal.Api.Tests.Infrastructure;
using SkiaSharp;

namespace LicensingPortal.Api.Tests.Features.Integrity;

/// <summary>
/// A photo sent as evidence keeps what it shows and loses what it says about its taking: read back by a real decoder
/// (SkiaSharp), the picture is the same pixels, turned the same way, and the place is in none of its bytes.
/// </summary>
public sealed class ImageMetadataTests
{
    [Fact]
    public void APhonesJpeg_LosesItsPlaceAndSecondPicture_KeepsItsPixelsAndWhichWayUp()
    {
        var photo = Photos.JpegFromAPhone();
        Assert.True(Contains(photo, Photos.Where), "The photo as sent says where it was taken.");
        Assert.Equal(SKEncodedOrigin.RightTop, Photos.Origin(photo));

        var kept = ImageMetadata.Strip(photo, "image/jpeg");

        Assert.False(Contains(kept, Photos.Where), "Kept, the photo no longer says where it was taken.");
        Assert.False(Contains(kept, "http://ns.adobe.com/xap/1.0/"), "No XMP is kept.");
        Assert.False(Contains(kept, "Photoshop 3.0"), "No IPTC is kept.");
        Assert.Equal(Photos.Pixels(Photos.PlainJpeg()), Photos.Pixels(kept));
        Assert.Equal(SKEncodedOrigin.RightTop, Photos.Origin(kept));
        // One picture, ending where it ends: the second one after it is gone.
        Assert.Equal([0xFF, 0xD9], kept[^2..]);
        Assert.Equal(1, Count(kept, [0xFF, 0xD8]));
        Assert.True(kept.Length < photo.Length);
    }

    [Fact]
    public void AJpegWithNothingBesideItsPicture_IsKeptByteForByte()
    {
        var plain = Photos.PlainJpeg();

        Assert.Equal(plain, ImageMetadata.Strip(plain, "image/jpeg"));
    }

    [Fact]
    public void APng_LosesItsTextAndTime_KeepsItsPixels()
    {
        var photo = Photos.PngFromAPhone();
        Assert.True(Contains(photo, Photos.Where));
        Assert.Equal(Photos.Pixels(Photos.PlainPng()), Photos.Pixels(photo));

        var kept = ImageMetadata.Strip(photo, "image/png");

        Assert.False(Contains(kept, Photos.Where));
        Assert.False(Contains(kept, "tIME"));
        Assert.Equal(Photos.PlainPng(), kept);
        Assert.Equal(Photos.Pixels(photo), Photos.Pixels(kept));
    }

    /// <summary>A file cut short, or not laid out as its type says, is kept as it came: evidence is not lost for its metadata.</summary>
    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    public void AFileCutShort_IsKeptAsItCame(string type)
    {
        var photo = type == "image/jpeg" ? Photos.JpegFromAPhone() : Photos.PngFromAPhone();
        var cut = photo[..(photo.Length / 2)];

        Assert.Equal(cut, ImageMetadata.Strip(cut, type));
        Assert.Equal(Builders.Pdf, ImageMetadata.Strip(Builders.Pdf, "application/pdf"));
    }

    private static bool Contains(byte[] content, string text) => Count(content, Encoding.ASCII.GetBytes(text)) > 0;

    private static int Count(byte[] content, byte[] pattern)
    {
        var count = 0;
        for (var at = content.AsSpan().IndexOf(pattern); at >= 0; at = content.AsSpan(at + 1).IndexOf(pattern) is var next and >= 0 ? at + 1 + next : -1)
        {
            count++;
        }

        return count;
    }
}
