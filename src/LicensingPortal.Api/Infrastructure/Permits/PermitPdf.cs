using System.Globalization;
using LicensingPortal.Rules.Compilation;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// Renders a permit as an A4 PDF (a second page only for rows that do not fit the first) with a QR code that opens
/// its public verification. A permit that no longer
/// holds (revoked, expired) says so across the whole page in both languages, with the date, so that a printed copy
/// pinned to a wall never looks valid; the QR code still opens the truth.
/// </summary>
public static class PermitPdf
{
    /// <summary>Left edge of a row's value: its label takes the space before it.</summary>
    private const double ValueLeft = 210;

    /// <summary>The page's margin on the right, and below the last line.</summary>
    private const double Margin = 40;

    /// <summary>A line of a row's value, and the space after a row.</summary>
    private const double LineHeight = 13, RowGap = 5;

    /// <summary>The QR code's block (its code, the words beside it) and the two lines of small print under it.</summary>
    private const double VerificationHeight = 14 + 170 + 24;

    /// <summary>
    /// <paramref name="premises"/>: where the business runs under this permit (the application's address, <paramref name="premisesAddress"/>,
    /// and its kelurahan), printed first, and the business's own address beside it when that is another, so a permit
    /// on a wall can be told from one copied to another shop.
    /// </summary>
    public static byte[] Render(Permit permit, Business business, string premises, string premisesAddress, CompiledRuleSet ruleSet, string verificationUrl, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(ruleSet);
        PermitFonts.Install();

        using var document = new PdfDocument();
        document.Info.Title = $"{permit.Type} {permit.Number}";
        document.Info.Author = "DPMPTSP Kota Kupang";
        var heading = new XFont(PermitFonts.Family, 16, XFontStyleEx.Bold);
        var subheading = new XFont(PermitFonts.Family, 11, XFontStyleEx.Bold);
        var body = new XFont(PermitFonts.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(PermitFonts.Family, 8, XFontStyleEx.Regular);
        var status = permit.StatusOn(today);
        var ended = EndedStamp(permit, status);
        var type = ruleSet.Definition.PermitTypes.TryGetValue(permit.Type, out var definition) ? definition : null;

        var pages = new List<(PdfPage Page, XGraphics Graphics)>();
        XGraphics graphics = null!;
        double width = 0, bottom = 0, y = 0;
        void NewPage()
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            pages.Add((page, graphics));
            width = page.Width.Point;
            bottom = page.Height.Point - Margin;
            y = 50;
        }

        void Centered(string text, XFont font, double height)
        {
            graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, width - (2 * Margin), height), XStringFormats.TopCenter);
            y += height;
        }

        // Every value is wrapped to the page's width (an address may be 500 characters, an activity's official title
        // over 140), never cut off at its edge or shortened: the printed permit is the record a person shows.
        NewPage();
        var rows = Rows(permit, business, premises, premisesAddress, ruleSet, status, ended, today)
            .Select(row => (row.Label, Lines: Wrap(graphics, row.Value, body, width - Margin - ValueLeft)))
            .ToList();
        void Row(string label, IReadOnlyList<string> lines)
        {
            graphics.DrawString(label, body, XBrushes.DimGray, new XPoint(50, y + 10));
            foreach (var line in lines)
            {
                graphics.DrawString(line, body, XBrushes.Black, new XPoint(ValueLeft, y + 10));
                y += LineHeight;
            }

            y += RowGap;
        }

        static double Height(IReadOnlyList<string> lines) => (lines.Count * LineHeight) + RowGap;

        Centered("PEMERINTAH KOTA KUPANG", subheading, 16);
        Centered("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", body, 20);
        graphics.DrawLine(new XPen(XColors.Black, 1), Margin, y, width - Margin, y);
        y += 16;
        Centered((type?.Title.Id ?? permit.Type).ToUpperInvariant(), heading, 22);
        Centered(type?.Title.En ?? permit.Type, body, 18);
        Centered($"Nomor / Number: {permit.Number}", subheading, 28);

        // The first page holds the QR code whatever follows: a printed first page alone still opens the truth. Rows
        // that do not fit above it go on to the next page, under the permit's number.
        var next = 0;
        while (next < rows.Count && y + Height(rows[next].Lines) <= bottom - VerificationHeight)
        {
            Row(rows[next].Label, rows[next].Lines);
            next++;
        }

        if (next < rows.Count)
        {
            y = bottom - VerificationHeight;
        }

        y += 14;
        DrawQrCode(graphics, verificationUrl, 50, y, 150);
        graphics.DrawString("Periksa keaslian izin ini / Verify this permit:", body, XBrushes.Black, new XPoint(220, y + 40));
        graphics.DrawString(Shorten(verificationUrl, 70), small, XBrushes.Black, new XPoint(220, y + 58));
        graphics.DrawString($"Kode verifikasi / Verification code: {permit.VerificationCode}", small, XBrushes.Black, new XPoint(220, y + 74));
        y += 170;
        graphics.DrawString($"Diterbitkan otomatis berdasarkan aturan {ruleSet.Id} (versi {ruleSet.Hash[..12]}).", small, XBrushes.DimGray, new XPoint(50, y));
        graphics.DrawString("Tanpa biaya; tidak memerlukan tanda tangan basah. / Issued automatically, free of charge.", small, XBrushes.DimGray, new XPoint(50, y + 12));

        while (next < rows.Count)
        {
            NewPage();
            Centered($"{permit.Number} (lanjutan / continued)", subheading, 28);
            var onThisPage = 0;
            // A page takes at least one row, however tall, so the pages always end.
            while (next < rows.Count && (y + Height(rows[next].Lines) <= bottom || onThisPage == 0))
            {
                Row(rows[next].Label, rows[next].Lines);
                next++;
                onThisPage++;
            }
        }

        for (var i = 0; i < pages.Count; i++)
        {
            var (page, pageGraphics) = pages[i];
            if (pages.Count > 1)
            {
                pageGraphics.DrawString($"Halaman {i + 1} dari {pages.Count} / Page {i + 1} of {pages.Count}", small, XBrushes.DimGray, new XRect(Margin, page.Height.Point - 30, page.Width.Point - (2 * Margin), 12), XStringFormats.TopCenter);
            }

            if (ended is { } stamp)
            {
                DrawStamp(pageGraphics, page, stamp.Word, stamp.Line);
            }

            pageGraphics.Dispose();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The permit's rows, label and value, in the order they are printed.</summary>
    private static IEnumerable<(string Label, string Value)> Rows(Permit permit, Business business, string premises, string premisesAddress, CompiledRuleSet ruleSet, PermitStatus status, (string Word, string Line)? ended, DateOnly today)
    {
        var indonesian = CultureInfo.GetCultureInfo("id-ID");
        yield return ("Nama usaha / Business", business.Name);
        yield return (PermitTypes.Nib, business.Nib ?? "-");
        yield return ("Pemilik / Owner", business.OwnerName);
        yield return ("Lokasi usaha / Premises", premises);
        if (!string.Equals(business.Address.Trim(), premisesAddress.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return ("Alamat surat / Address", business.Address);
        }
        foreach (var code in permit.KbliCodes)
        {
            // By its words first, as the pages name it ("Restoran (KBLI 56101)"), its official title whole; "KBLI" and
            // its number kept on one line.
            var activity = PlainWords.Activity(code, ruleSet.Definition.Kbli.TryGetValue(code, out var kbli) ? kbli.Title.Id : null);
            yield return ("Kegiatan / Activity", activity.Replace("KBLI ", "KBLI\u00A0", StringComparison.Ordinal));
        }

        yield return ("Tanggal terbit / Issued", permit.IssuedOn.ToString("d MMMM yyyy", indonesian));
        if (permit.ValidFrom != permit.IssuedOn)
        {
            // A renewal: it takes over the day after the permit it renews ends.
            yield return ("Berlaku mulai / Valid from", permit.ValidFrom.ToString("d MMMM yyyy", indonesian));
        }

        yield return ("Berlaku sampai / Valid until", permit.ValidUntil?.ToString("d MMMM yyyy", indonesian) ?? "Selama usaha berjalan / while the business operates");
        yield return ("Status", status switch
        {
            PermitStatus.Active when permit.StartsAfter(today) => $"Berlaku mulai {permit.ValidFrom.ToString("d MMMM yyyy", indonesian)} / Valid from {permit.ValidFrom.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            PermitStatus.Active => "Berlaku / Valid",
            _ => ended!.Value.Line,
        });
    }

    /// <summary>
    /// A value's lines at most <paramref name="width"/> points wide in <paramref name="font"/>: broken at spaces (never
    /// at a no-break space, printed as a space), and within a word only when the word alone is wider than the line.
    /// </summary>
    internal static IReadOnlyList<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        bool Fits(string line) => graphics.MeasureString(line, font).Width <= width;
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var joined = line.Length == 0 ? word : $"{line} {word}";
            if (Fits(joined))
            {
                line = joined;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (!Fits(line))
            {
                var take = line.Length - 1;
                while (take > 1 && !Fits(line[..take]))
                {
                    take--;
                }

                // Never between the two halves of one character (an emoji in a long run without spaces).
                if (take > 1 && char.IsHighSurrogate(line[take - 1]))
                {
                    take--;
                }

                lines.Add(line[..take]);
                line = line[take..];
            }
        }

        lines.Add(line);
        return [.. lines.Select(l => l.Replace('\u00A0', ' '))];
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
