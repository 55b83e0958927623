using System.Text;
using LicensingPortal.Api.Infrastructure.Storage;
using LicensingPortal.Api.Tests.Infrastructure;
using SkiaSharp;

namespace LicensingPortal.Api.Tests.Features.Integrity;

/// <summary>
/// A photo sent as evidence keeps what it shows and loses what it says about its taking: read back by a real decoder
/// (SkiaSharp), the picture is the same pixels, turned the same way, and the place is in none of its bytes; a photo
/// no decoder reads is not kept at all.
/// </summary>
public sealed class ImageMetadataTests
{
    public static TheoryData<string> Jpegs => ["baseline", "progressive with restarts"];

    private static byte[] Plain(string kind) => kind == "baseline" ? Photos.PlainJpeg() : Photos.ProgressiveWithRestarts();

    [Theory]
    [MemberData(nameof(Jpegs))]
    public void APhonesJpeg_LosesItsPlaceAndSecondPicture_KeepsItsPixelsAndWhichWayUp(string kind)
    {
        var plain = Plain(kind);
        var photo = Photos.FromAPhone(plain);
        Assert.True(Contains(photo, Photos.Where), "The photo as sent says where it was taken.");
        Assert.Equal(SKEncodedOrigin.RightTop, Photos.Origin(photo));

        var kept = ImageMetadata.Strip(photo, "image/jpeg")!;

        Assert.False(Contains(kept, Photos.Where), "Kept, the photo no longer says where it was taken.");
        Assert.False(Contains(kept, "http://ns.adobe.com/xap/1.0/"), "No XMP is kept.");
        Assert.False(Contains(kept, "Photoshop 3.0"), "No IPTC is kept.");
        Assert.Equal(Photos.Pixels(plain), Photos.Pixels(kept));
        Assert.Equal(SKEncodedOrigin.RightTop, Photos.Origin(kept));
        // One picture, ending where it ends: the second one after it is gone.
        Assert.Equal([0xFF, 0xD9], kept[^2..]);
        Assert.Equal(1, Count(kept, [0xFF, 0xD8]));
        Assert.True(kept.Length < photo.Length);
    }

    [Theory]
    [MemberData(nameof(Jpegs))]
    public void AJpegWithNothingBesideItsPicture_IsKeptByteForByte(string kind)
    {
        var plain = Plain(kind);

        Assert.Equal(plain, ImageMetadata.Strip(plain, "image/jpeg"));
    }

    [Fact]
    public void APng_LosesItsTextAndTime_KeepsItsPixels()
    {
        var photo = Photos.PngFromAPhone();
        Assert.True(Contains(photo, Photos.Where));
        Assert.Equal(Photos.Pixels(Photos.PlainPng()), Photos.Pixels(photo));

        var kept = ImageMetadata.Strip(photo, "image/png")!;

        Assert.False(Contains(kept, Photos.Where));
        Assert.False(Contains(kept, "tIME"));
        Assert.Equal(Photos.PlainPng(), kept);
        Assert.Equal(Photos.Pixels(photo), Photos.Pixels(kept));
    }

    /// <summary>
    /// A JPEG cut short in its picture keeps what there is of it, without the place (its metadata came before); cut
    /// in its metadata, no decoder reads it, and it is not kept (null) rather than kept with the place.
    /// </summary>
    [Theory]
    [MemberData(nameof(Jpegs))]
    public void AJpegCutShort_KeepsWhatThereIsWithoutThePlace_OrIsNotKept(string kind)
    {
        var plain = Plain(kind);
        var photo = Photos.FromAPhone(plain);
        var picture = photo.AsSpan().IndexOf(plain.AsSpan(2, 16));

        var cutInThePicture = ImageMetadata.Strip(photo[..(picture + plain.Length - 40)], "image/jpeg");
        Assert.NotNull(cutInThePicture);
        Assert.False(Contains(cutInThePicture, Photos.Where));
        Assert.Equal([0xFF, 0xD8], cutInThePicture[..2]);

        Assert.Null(ImageMetadata.Strip(photo[..60], "image/jpeg"));
    }

    /// <summary>Every cut of a phone's photo, however short: never an exception, never the place kept.</summary>
    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    public void EveryCutOfAPhonesPhoto_IsNotKept_OrKeptWithoutThePlace(string type)
    {
        var photo = type == "image/jpeg" ? Photos.FromAPhone(Photos.ProgressiveWithRestarts()) : Photos.PngFromAPhone();
        for (var length = 0; length <= photo.Length; length += 13)
        {
            var kept = ImageMetadata.Strip(photo[..length], type);
            Assert.True(kept is null || !Contains(kept, Photos.Where), $"Cut at {length} of {photo.Length} bytes, the place is kept.");
        }
    }

    [Fact]
    public void APdf_IsKeptAsItCame()
    {
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
