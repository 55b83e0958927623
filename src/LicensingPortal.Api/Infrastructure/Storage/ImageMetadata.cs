using System.Buffers.Binary;

namespace LicensingPortal.Api.Infrastructure.Storage;

/// <summary>
/// Takes out of a photo what it says about its taking, not what it shows: a phone's JPEG carries, beside its
/// picture, where it was taken (GPS), when, on which phone and by whom (Exif, XMP, IPTC, comments, a second picture
/// after the first); a PNG its text and time chunks. A reporter of a demand for money photographs a receipt at home:
/// the inspectorate reads the receipt, not the home's coordinates. The picture's own bytes are copied unchanged (no
/// re-encoding, nothing lost of what it shows); a JPEG keeps its colour profile and which way up it is (Exif
/// orientation, written anew alone). A file whose layout the walk cannot follow is decoded and encoded anew; one no
/// decoder reads is not kept at all (null), rather than kept with what it may say.
/// </summary>
public static class ImageMetadata
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG chunks that say something beside the picture: text of any kind, Exif, the time it was last changed.</summary>
    private static readonly HashSet<string> PngDropped = new(StringComparer.Ordinal) { "tEXt", "zTXt", "iTXt", "eXIf", "tIME" };

    /// <summary>
    /// The content without its metadata when it is a JPEG or PNG (by <paramref name="contentType"/>); anything else as
    /// it came. A photo the walk cannot follow is drawn again by a real decoder (SkiaSharp) and encoded anew, which keeps
    /// nothing beside the picture; null when not even that can read it (the caller refuses it: kept as it came, it could
    /// hold the place it was taken).
    /// </summary>
    public static byte[]? Strip(byte[] content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        return contentType switch
        {
            "image/jpeg" => StripJpeg(content) ?? Redrawn(content, SkiaSharp.SKEncodedImageFormat.Jpeg),
            "image/png" => StripPng(content) ?? Redrawn(content, SkiaSharp.SKEncodedImageFormat.Png),
            _ => content,
        };
    }

    /// <summary>The picture decoded and encoded again (JPEG at quality 92); null when it cannot be decoded.</summary>
    private static byte[]? Redrawn(byte[] content, SkiaSharp.SKEncodedImageFormat format)
    {
        using var stream = new SkiaSharp.SKMemoryStream(content);
        using var codec = SkiaSharp.SKCodec.Create(stream);
        if (codec is null)
        {
            return null;
        }

        using var bitmap = SkiaSharp.SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            return null;
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 92);
        return data?.ToArray();
    }

    /// <summary>
    /// The JPEG's segments up to its end-of-image marker, keeping only those the picture is drawn by (see
    /// <see cref="Kept"/>), and nothing after the picture; null when its header is not laid out as a JPEG's is. Once
    /// the first scan has begun every segment that could hold metadata is behind: a file cut short or broken after it
    /// keeps the rest as it came (a decoder draws what there is).
    /// </summary>
    private static byte[]? StripJpeg(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return null;
        }

        using var kept = new MemoryStream(jpeg.Length);
        kept.Write([0xFF, 0xD8]);
        var at = 2;
        var scanned = false;
        byte[]? Broken()
        {
            if (!scanned)
            {
                return null;
            }

            kept.Write(jpeg.AsSpan(Math.Min(at, jpeg.Length)));
            return kept.ToArray();
        }

        while (true)
        {
            if (at >= jpeg.Length || jpeg[at] != 0xFF)
            {
                return Broken();
            }

            // Fill bytes before a marker.
            while (at < jpeg.Length && jpeg[at] == 0xFF)
            {
                at++;
            }

            if (at >= jpeg.Length)
            {
                return Broken();
            }

            var marker = jpeg[at];
            var start = at - 1;
            at++;
            if (marker == 0xD9)
            {
                // End of the picture: whatever follows (a second picture, a maker's trailer) is left out.
                kept.Write([0xFF, 0xD9]);
                return kept.ToArray();
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                kept.Write(jpeg.AsSpan(start, 2));
                continue;
            }

            if (at + 2 > jpeg.Length)
            {
                at = start;
                return Broken();
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at));
            if (length < 2 || at + length > jpeg.Length)
            {
                at = start;
                return Broken();
            }

            var payload = jpeg.AsSpan(at + 2, length - 2);
            var end = at + length;
            if (marker == 0xE1)
            {
                // Exif (with GPS) or XMP: only which way up the picture is survives, written anew.
                if (OrientationOf(payload) is { } orientation)
                {
                    kept.Write(OrientationOnly(orientation));
                }
            }
            else if (marker == 0xE0 && payload.StartsWith("JFIF\0"u8) && payload.Length >= 14)
            {
                // JFIF's header without its thumbnail (which may show the photo before it was cropped).
                kept.Write([0xFF, 0xE0, 0x00, 0x10]);
                kept.Write(payload[..12]);
                kept.Write([0x00, 0x00]);
            }
            else if (Kept(marker, payload))
            {
                kept.Write(jpeg.AsSpan(start, end - start));
            }

            at = end;
            if (marker == 0xDA)
            {
                // The compressed picture follows its scan header, up to the next marker that is not a restart or a
                // stuffed 0xFF: copied as it is.
                scanned = true;
                var scan = at;
                while (at + 1 < jpeg.Length && !(jpeg[at] == 0xFF && jpeg[at + 1] != 0x00 && jpeg[at + 1] != 0xFF && jpeg[at + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    at++;
                }

                if (at + 1 >= jpeg.Length)
                {
                    at = scan;
                    return Broken();
                }

                kept.Write(jpeg.AsSpan(scan, at - scan));
            }
        }
    }

    /// <summary>
    /// Whether a segment other than APP1 and JFIF's header is kept: those the picture is drawn by (frames, tables, scan
    /// headers, restart interval) and of the application segments only an ICC colour profile (APP2) and Adobe's colour
    /// transform (APP14); no comment, no thumbnail (JFXX), no multi-picture index, no makers' notes, no IPTC with names
    /// and places, no marker a picture is not drawn by.
    /// </summary>
    private static bool Kept(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),
        0xEE => payload.StartsWith("Adobe"u8),
        // Frames, Huffman and arithmetic tables, quantisation tables, scan headers, restart interval, line count.
        >= 0xC0 and <= 0xCF or >= 0xDA and <= 0xDF => true,
        // Comments, other application segments, and markers no picture is drawn by.
        _ => false,
    };

    /// <summary>The Exif orientation (2-8) of an APP1 payload when it is Exif and says one other than upright; null otherwise.</summary>
    private static ushort? OrientationOf(ReadOnlySpan<byte> payload)
    {
        if (!payload.StartsWith("Exif\0\0"u8) || payload.Length < 14)
        {
            return null;
        }

        var tiff = payload[6..];
        bool little;
        if (tiff.StartsWith("II"u8))
        {
            little = true;
        }
        else if (tiff.StartsWith("MM"u8))
        {
            little = false;
        }
        else
        {
            return null;
        }

        ushort U16(ReadOnlySpan<byte> span) => little ? BinaryPrimitives.ReadUInt16LittleEndian(span) : BinaryPrimitives.ReadUInt16BigEndian(span);
        var first = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..]);
        if (first > (uint)tiff.Length - 2)
        {
            return null;
        }

        var count = U16(tiff[(int)first..]);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)first + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            // Tag 0x0112 (orientation), a SHORT: its value sits in the entry itself.
            if (U16(tiff[entry..]) == 0x0112 && U16(tiff[(entry + 2)..]) == 3)
            {
                var orientation = U16(tiff[(entry + 8)..]);
                return orientation is >= 2 and <= 8 ? orientation : null;
            }
        }

        return null;
    }

    /// <summary>An APP1 segment holding Exif with one tag: the orientation.</summary>
    private static byte[] OrientationOnly(ushort orientation)
    {
        // Marker, length, "Exif\0\0", a big-endian TIFF header pointing at IFD0 (offset 8), one entry, no next IFD.
        var segment = new byte[2 + 2 + 6 + 8 + 2 + 12 + 4];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        "Exif\0\0MM\0*"u8.CopyTo(segment.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(14), 8);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(18), 1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(20), 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(22), 3);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(24), 1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(28), orientation);
        return segment;
    }

    /// <summary>The PNG's chunks up to IEND without its text, Exif and time chunks, nothing after; null when it is not laid out as a PNG is.</summary>
    private static byte[]? StripPng(byte[] png)
    {
        if (!png.AsSpan().StartsWith(PngSignature))
        {
            return null;
        }

        using var kept = new MemoryStream(png.Length);
        kept.Write(PngSignature);
        var at = PngSignature.Length;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > (uint)(png.Length - at - 12))
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var size = 12 + (int)length;
            if (!PngDropped.Contains(type))
            {
                kept.Write(png.AsSpan(at, size));
            }

            at += size;
            if (type == "IEND")
            {
                return kept.ToArray();
            }
        }

        return null;
    }
}
