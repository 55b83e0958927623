using PdfSharp.Fonts;

namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// Serves DejaVu Sans (an open-licence font, embedded in this assembly; see Resources/Fonts/LICENSE.txt) to
/// PDFsharp, so permits render the same on every server without system fonts.
/// </summary>
public sealed class PermitFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();

    public static void Install()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new PermitFonts();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(PermitFonts).Assembly.GetManifestResourceStream($"LicensingPortal.Api.Resources.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
