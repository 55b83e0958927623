using System.Globalization;
using LicensingPortal.Rules.Compilation;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// Renders a permit as a one-page A4 PDF with a QR code that opens its public verification. A permit that no longer
/// holds (revoked, expired) says so across the whole page in both languages, with the date, so that a printed copy
/// pinned to a wall never looks valid; the QR code still opens the truth.
/// </summary>
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
            // By its words first, as the pages name it ("Restoran (KBLI 56101)"); a long title is shortened, never its number.
            var number = PlainWords.Activity(code, null);
            Row("Kegiatan / Activity", PlainWords.Activity(code, ruleSet.Definition.Kbli.TryGetValue(code, out var kbli) ? Shorten(kbli.Title.Id, 60 - number.Length - 3) : null));
        }

        Row("Tanggal terbit / Issued", permit.IssuedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")));
        if (permit.ValidFrom != permit.IssuedOn)
        {
            // A renewal: it takes over the day after the permit it renews ends.
            Row("Berlaku mulai / Valid from", permit.ValidFrom.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")));
        }

        Row("Berlaku sampai / Valid until", permit.ValidUntil?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")) ?? "Selama usaha berjalan / while the business operates");
        var status = permit.StatusOn(today);
        var ended = EndedStamp(permit, status);
        Row("Status", status switch
        {
            PermitStatus.Active when permit.StartsAfter(today) => $"Berlaku mulai {permit.ValidFrom.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"))} / Valid from {permit.ValidFrom.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            PermitStatus.Active => "Berlaku / Valid",
            _ => ended!.Value.Line,
        });

        y += 14;
        DrawQrCode(graphics, verificationUrl, 50, y, 150);

        graphics.DrawString("Periksa keaslian izin ini / Verify this permit:", body, XBrushes.Black, new XPoint(220, y + 40));
        graphics.DrawString(Shorten(verificationUrl, 70), small, XBrushes.Black, new XPoint(220, y + 58));
        graphics.DrawString($"Kode verifikasi / Verification code: {permit.VerificationCode}", small, XBrushes.Black, new XPoint(220, y + 74));
        y += 170;

        graphics.DrawString($"Diterbitkan otomatis berdasarkan aturan {ruleSet.Id} (versi {ruleSet.Hash[..12]}).", small, XBrushes.DimGray, new XPoint(50, y));
        graphics.DrawString("Tanpa biaya; tidak memerlukan tanda tangan basah. / Issued automatically, free of charge.", small, XBrushes.DimGray, new XPoint(50, y + 12));

        if (ended is { } stamp)
        {
            DrawStamp(graphics, page, stamp.Word, stamp.Line);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The words a permit that ended carries across its page: what happened, in both languages, and since when.</summary>
    private static (string Word, string Line)? EndedStamp(Permit permit, PermitStatus status)
    {
        var indonesian = CultureInfo.GetCultureInfo("id-ID");
        var english = CultureInfo.GetCultureInfo("en-GB");
        switch (status)
        {
            case PermitStatus.Revoked:
                var revoked = permit.RevokedAt is { } at ? Wita.DateOf(at) : (DateOnly?)null;
                return ("DICABUT / REVOKED", revoked is { } day
                    ? $"DICABUT pada {day.ToString("d MMMM yyyy", indonesian)} / REVOKED on {day.ToString("d MMMM yyyy", english)}"
                    : "DICABUT / REVOKED");
            case PermitStatus.Closed:
                var closed = Wita.DateOf(permit.ClosedAt!.Value);
                return ("DITUTUP / CLOSED", $"USAHA DITUTUP pada {closed.ToString("d MMMM yyyy", indonesian)} / BUSINESS CLOSED on {closed.ToString("d MMMM yyyy", english)}");
            case PermitStatus.Replaced:
                var replaced = Wita.DateOf(permit.ReplacedAt!.Value);
                return ("DIGANTI / REPLACED", $"DIGANTI karena perubahan usaha pada {replaced.ToString("d MMMM yyyy", indonesian)} / REPLACED after a business change on {replaced.ToString("d MMMM yyyy", english)}");
            case PermitStatus.Expired:
                var ended = permit.ValidUntil!.Value;
                return ("BERAKHIR / EXPIRED", $"BERAKHIR pada {ended.ToString("d MMMM yyyy", indonesian)} / EXPIRED on {ended.ToString("d MMMM yyyy", english)}");
            default:
                return null;
        }
    }

    /// <summary>The status in large red letters across the page, and a banner saying the permit is no longer valid.</summary>
    private static void DrawStamp(XGraphics graphics, PdfPage page, string word, string line)
    {
        var red = new XSolidBrush(XColor.FromArgb(150, 200, 0, 0));
        var banner = new XFont(PermitFonts.Family, 12, XFontStyleEx.Bold);
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(255, 200, 0, 0)), 40, 8, page.Width.Point - 80, 34);
        graphics.DrawString("IZIN INI TIDAK BERLAKU LAGI / THIS PERMIT IS NO LONGER VALID", banner, XBrushes.White, new XRect(40, 8, page.Width.Point - 80, 18), XStringFormats.Center);
        graphics.DrawString(line, new XFont(PermitFonts.Family, 8, XFontStyleEx.Bold), XBrushes.White, new XRect(40, 24, page.Width.Point - 80, 16), XStringFormats.Center);

        var state = graphics.Save();
        graphics.RotateAtTransform(-35, new XPoint(page.Width.Point / 2, page.Height.Point / 2));
        graphics.DrawString(word, new XFont(PermitFonts.Family, 54, XFontStyleEx.Bold), red, new XRect(0, (page.Height.Point / 2) - 40, page.Width.Point, 80), XStringFormats.Center);
        graphics.Restore(state);
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
