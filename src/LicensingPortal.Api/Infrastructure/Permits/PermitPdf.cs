using System.Globalization;
using LicensingPortal.Rules.Compilation;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>Renders a permit as a one-page A4 PDF with a QR code that opens its public verification.</summary>
public static class PermitPdf
{
    public static byte[] Render(Permit permit, Business business, CompiledRuleSet ruleSet, string verificationUrl, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(ruleSet);
        PermitFonts.Install();

        using var document = new PdfDocument();
        document.Info.Title = $"{permit.Type} {permit.Number}";
        document.Info.Author = "DPMPTSP Kota Kupang";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var graphics = XGraphics.FromPdfPage(page);

        var heading = new XFont(PermitFonts.Family, 16, XFontStyleEx.Bold);
        var subheading = new XFont(PermitFonts.Family, 11, XFontStyleEx.Bold);
        var body = new XFont(PermitFonts.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(PermitFonts.Family, 8, XFontStyleEx.Regular);
        var width = page.Width.Point;
        var y = 50.0;

        void Centered(string text, XFont font, double height)
        {
            graphics.DrawString(text, font, XBrushes.Black, new XRect(40, y, width - 80, height), XStringFormats.TopCenter);
            y += height;
        }

        void Row(string label, string value)
        {
            graphics.DrawString(label, body, XBrushes.DimGray, new XPoint(50, y + 10));
            graphics.DrawString(value, body, XBrushes.Black, new XPoint(210, y + 10));
            y += 18;
        }

        Centered("PEMERINTAH KOTA KUPANG", subheading, 16);
        Centered("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", body, 20);
        graphics.DrawLine(new XPen(XColors.Black, 1), 40, y, width - 40, y);
        y += 16;

        var type = ruleSet.Definition.PermitTypes.TryGetValue(permit.Type, out var definition) ? definition : null;
        Centered((type?.Title.Id ?? permit.Type).ToUpperInvariant(), heading, 22);
        Centered(type?.Title.En ?? permit.Type, body, 18);
        Centered($"Nomor / Number: {permit.Number}", subheading, 28);

        Row("Nama usaha / Business", business.Name);
        Row(PermitTypes.Nib, business.Nib ?? "-");
        Row("Pemilik / Owner", business.OwnerName);
        Row("Alamat / Address", business.Address);
        foreach (var code in permit.KbliCodes)
        {
            var title = ruleSet.Definition.Kbli.TryGetValue(code, out var kbli) ? kbli.Title.Id : string.Empty;
            Row("KBLI", Shorten($"{code} {title}", 60));
        }

        Row("Tanggal terbit / Issued", permit.IssuedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")));
        Row("Berlaku sampai / Valid until", permit.ValidUntil?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")) ?? "Selama usaha berjalan / while the business operates");
        Row("Status", permit.StatusOn(today) switch
        {
            PermitStatus.Active => "Berlaku / Valid",
            PermitStatus.Expired => "Kedaluwarsa / Expired",
            _ => "Dicabut / Revoked",
        });

        y += 14;
        DrawQrCode(graphics, verificationUrl, 50, y, 150);

        graphics.DrawString("Periksa keaslian izin ini / Verify this permit:", body, XBrushes.Black, new XPoint(220, y + 40));
        graphics.DrawString(Shorten(verificationUrl, 70), small, XBrushes.Black, new XPoint(220, y + 58));
        graphics.DrawString($"Kode verifikasi / Verification code: {permit.VerificationCode}", small, XBrushes.Black, new XPoint(220, y + 74));
        y += 170;

        graphics.DrawString($"Diterbitkan otomatis berdasarkan aturan {ruleSet.Id} (versi {ruleSet.Hash[..12]}).", small, XBrushes.DimGray, new XPoint(50, y));
        graphics.DrawString("Tanpa biaya; tidak memerlukan tanda tangan basah. / Issued automatically, free of charge.", small, XBrushes.DimGray, new XPoint(50, y + 12));

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Draws the QR code (read back before it is drawn, see <see cref="VerificationQrCode"/>) as vector squares, with its quiet zone, sharp at any print size.</summary>
    private static void DrawQrCode(XGraphics graphics, string text, double x, double y, double size)
    {
        var modules = VerificationQrCode.Encode(text);
        var count = modules.GetLength(0);
        var module = size / count;
        graphics.DrawRectangle(XBrushes.White, x, y, size, size);
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                if (modules[row, column])
                {
                    graphics.DrawRectangle(XBrushes.Black, x + (column * module), y + (row * module), module, module);
                }
            }
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
