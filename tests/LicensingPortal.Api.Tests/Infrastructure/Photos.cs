using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// Photos as a phone sends them, made with a real encoder (SkiaSharp) and given what phones write beside the
/// picture: Exif with its orientation and a GPS position, XMP, IPTC, a comment, a second picture after the first;
/// a PNG with text and time chunks. <see cref="Where"/> is written in every one of them.
/// </summary>
public static class Photos
{
    /// <summary>The place the photos say they were taken, as text: found nowhere once their metadata is taken out.</summary>
    public const string Where = "GPS -10.1612 123.6187 Jl. Frans Seda No. 12";

    /// <summary>A 48×24 JPEG whose picture is two colours, as SkiaSharp encodes it, with nothing beside the picture.</summary>
    public static byte[] PlainJpeg() => Encode(SKEncodedImageFormat.Jpeg);

    /// <summary>A 48×24 PNG, as SkiaSharp encodes it.</summary>
    public static byte[] PlainPng() => Encode(SKEncodedImageFormat.Png);

    /// <summary>
    /// <see cref="PlainJpeg"/> with, after its start: Exif (orientation 6, "turn right", and a GPS directory), XMP, IPTC
    /// and a comment, each holding <see cref="Where"/>; after its end, a second picture's bytes (as the multi-picture
    /// format keeps them).
    /// </summary>
    public static byte[] JpegFromAPhone() => FromAPhone(PlainJpeg());

    /// <summary>
    /// A 96×64 JPEG of noise, progressive (ten scans), with a restart marker every row of blocks and many stuffed 0xFF
    /// bytes: what a walk through a JPEG finds hardest. Made once with libjpeg-turbo's cjpeg (`cjpeg -quality 95
    /// -progressive -restart 1` from random pixels) and kept as a file.
    /// </summary>
    public static byte[] ProgressiveWithRestarts() =>
        File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "tests", "LicensingPortal.Api.Tests", "Fixtures", "progressive-restart.jpg"));

    /// <summary><paramref name="plain"/> with what <see cref="JpegFromAPhone"/> adds.</summary>
    public static byte[] FromAPhone(byte[] plain)
    {
        var where = Encoding.ASCII.GetBytes(Where + "\0");

        // Little-endian TIFF: IFD0 (orientation, GPS pointer) at 8, the GPS directory at 38 (latitude ref), the place's words after it.
        var tiff = new byte[38 + 18 + where.Length];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        Entry(tiff, 10, 0x0112, 3, 1, 6);
        Entry(tiff, 22, 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(34), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(38), 1);
        Entry(tiff, 40, 0x001B, 7, (uint)where.Length, 56);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(52), 0);
        where.CopyTo(tiff, 56);

        using var photo = new MemoryStream();
        photo.Write(plain.AsSpan(0, 2));
        Segment(photo, 0xE1, [.. "Exif\0\0"u8, .. tiff]);
        Segment(photo, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes($"<x:xmpmeta><exif:GPSLatitude>{Where}</exif:GPSLatitude></x:xmpmeta>")]);
        Segment(photo, 0xED, [.. "Photoshop 3.0\0"u8, .. where]);
        Segment(photo, 0xFE, where);
        photo.Write(plain.AsSpan(2));
        // A second picture after the first (multi-picture phones), with its own Exif.
        photo.Write([0xFF, 0xD8]);
        Segment(photo, 0xE1, [.. "Exif\0\0"u8, .. tiff]);
        photo.Write([0xFF, 0xD9]);
        return photo.ToArray();
    }

    /// <summary><see cref="PlainPng"/> with a text chunk and an international text chunk holding <see cref="Where"/>, and a time chunk, before its picture.</summary>
    public static byte[] PngFromAPhone()
    {
        var plain = PlainPng();
        // After the signature (8) and IHDR (25): the chunks a phone's editor may write.
        using var photo = new MemoryStream();
        photo.Write(plain.AsSpan(0, 33));
        Chunk(photo, "tEXt", [.. "Location\0"u8, .. Encoding.ASCII.GetBytes(Where)]);
        Chunk(photo, "iTXt", [.. "Comment\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(Where)]);
        Chunk(photo, "tIME", [0x07, 0xEA, 12, 6, 10, 15, 0]);
        photo.Write(plain.AsSpan(33));
        return photo.ToArray();
    }

    /// <summary>
    /// <see cref="Builders.Png"/> made <paramref name="bytes"/> larger by a private chunk of its own before its end (a
    /// large screenshot, as far as sizes go): kept whole when its metadata is taken out, as nothing in it is metadata.
    /// </summary>
    public static byte[] LargePng(int bytes)
    {
        var png = Builders.Png;
        using var padded = new MemoryStream();
        padded.Write(png.AsSpan(0, png.Length - 12));
        Chunk(padded, "kpAd", new byte[bytes]);
        padded.Write(png.AsSpan(png.Length - 12));
        return padded.ToArray();
    }

    /// <summary>The pixels of a photo as a real decoder draws them (orientation aside), to compare two files' pictures.</summary>
    public static byte[] Pixels(byte[] photo)
    {
        using var bitmap = SKBitmap.Decode(photo) ?? throw new InvalidDataException("Not a picture SkiaSharp can decode.");
        return bitmap.Bytes;
    }

    /// <summary>The orientation a real decoder reads from a JPEG's Exif.</summary>
    public static SKEncodedOrigin Origin(byte[] photo)
    {
        using var codec = SKCodec.Create(new MemoryStream(photo)) ?? throw new InvalidDataException("Not a picture SkiaSharp can read.");
        return codec.EncodedOrigin;
    }

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(48, 24);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor(0x00, 0x50, 0x5C) };
            canvas.DrawRect(0, 0, 24, 24, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    private static void Segment(Stream photo, byte marker, byte[] payload)
    {
        photo.Write([0xFF, marker]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        photo.Write(length);
        photo.Write(payload);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(header[4..]);
        png.Write(header);
        png.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header[4..], .. data]));
        png.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309) of a chunk's type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
