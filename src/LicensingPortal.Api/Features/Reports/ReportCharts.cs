using LicensingPortal.Rules.Model;
using ScottPlot;
using SkiaSharp;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// The mayor's charts, drawn with ScottPlot as PNG or SVG: decisions over time and decisions per kecamatan,
/// approved stacked on rejected. Text in the caller's language, in the DejaVu Sans embedded in this assembly,
/// so a chart looks the same on every server.
/// </summary>
public static class ReportCharts
{
    public const int Width = 960;
    public const int Height = 540;

    /// <summary>A phone's chart: half as wide, so the same type reads twice as large on a 320-pixel screen.</summary>
    public const int NarrowWidth = 480;
    public const int NarrowHeight = 420;
    public static readonly string[] Formats = ["png", "svg"];
    private const string FontName = "DejaVu Sans";
    private static readonly Color ApprovedColor = Color.FromHex("#2E7D32");
    private static readonly Color RejectedColor = Color.FromHex("#C62828");
    private static readonly Lock Gate = new();
    private static bool fontsInstalled;

    public static FileDownload Throughput(IReadOnlyList<ThroughputRow> rows, string granularity, DateOnly from, DateOnly to, Language language, string format, bool narrow = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var english = language == Language.English;
        // Every period of the range, an empty bar where nothing was decided: bars side by side only where there were
        // decisions read "7 Nov, 10 Nov, 13 Nov" evenly apart, hiding the quiet days.
        rows = EveryPeriod(rows, granularity, from, to);
        var plot = NewPlot(
            english ? $"Decisions per {granularity}, {Span(from, to, language)}" : $"Keputusan per {Unit(granularity)}, {Span(from, to, language)}",
            english ? "Decisions" : "Keputusan");
        var positions = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
        Stack(plot, positions, rows.Select(r => (double)r.Approved).ToArray(), rows.Select(r => (double)r.Rejected).ToArray(), english);
        // Periods as people name them ("6 Nov", "Nov 2026"), a few of them: four on a phone, level (five ran together once
        // the chart is scaled to a 320-pixel screen); twelve on a screen.
        var step = Math.Max(1, (int)Math.Ceiling(rows.Count / (narrow ? 4.0 : 12.0)));
        var shown = positions.Where((_, i) => i % step == 0).ToArray();
        var labels = shown.Select(p => PeriodName(rows[(int)p].Period, granularity, language, brief: true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(shown.Select((p, i) => new Tick(p, labels[i])).ToArray());
        Slant(plot, narrow ? [] : labels);
        return Finish(plot, format, $"throughput-{from:yyyyMMdd}-{to:yyyyMMdd}", narrow, english ? $"Decisions per {granularity}" : $"Keputusan per {Unit(granularity)}");
    }

    public static FileDownload Breakdown(IReadOnlyList<BreakdownRow> rows, string by, DateOnly from, DateOnly to, Language language, string format, bool narrow = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var english = language == Language.English;
        var dimension = (by, english) switch
        {
            ("sector", true) => "sector",
            ("sector", false) => "sektor",
            ("permitType", true) => "kind of application",
            ("permitType", false) => "jenis permohonan",
            _ => "kecamatan",
        };
        var plot = NewPlot(
            english ? $"Decisions per {dimension}, {Span(from, to, language)}" : $"Keputusan per {dimension}, {Span(from, to, language)}",
            english ? "Decisions" : "Keputusan");
        var names = rows.Select(r => BreakdownName(by, r, language)).ToArray();
        Categories(plot, names, rows.Select(r => (double)r.Approved).ToArray(), rows.Select(r => (double)r.Rejected).ToArray(), english, narrow);
        return Finish(plot, format, $"{by.ToLowerInvariant()}-{from:yyyyMMdd}-{to:yyyyMMdd}", narrow, english ? $"Decisions per {dimension}" : $"Keputusan per {dimension}", NarrowHeightOf(rows.Count));
    }

    /// <summary>
    /// A period of a report as people name it: a day "6 November 2026" ("6 Nov" when <paramref name="brief"/>), a week
    /// "Pekan 45, 2026" ("Pekan 45"; "Minggu" also names Sunday), a month "November 2026" ("Nov 2026"); what it cannot read, as it is.
    /// </summary>
    public static string PeriodName(string period, string granularity, Language language, bool brief = false)
    {
        ArgumentNullException.ThrowIfNull(period);
        var english = language == Language.English;
        var culture = Infrastructure.Web.Cultures.Of(language);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var none = System.Globalization.DateTimeStyles.None;
        return granularity switch
        {
            "day" when DateOnly.TryParseExact(period, "yyyy-MM-dd", invariant, none, out var day) => day.ToString(brief ? "d MMM" : "d MMMM yyyy", culture),
            "month" when DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", invariant, none, out var month) => month.ToString(brief ? "MMM yyyy" : "MMMM yyyy", culture),
            "week" when period.Split("-W") is [var year, var week] => brief ? $"{(english ? "Wk" : "Pekan")} {week.TrimStart('0')}" : $"{(english ? "Week" : "Pekan")} {week.TrimStart('0')}, {year}",
            _ => period,
        };
    }

    /// <summary>A range of days as the pages say it: "7 Nov 2026 – 6 Des 2026".</summary>
    public static string Span(DateOnly from, DateOnly to, Language language)
    {
        var culture = Infrastructure.Web.Cultures.Of(language);
        return $"{from.ToString("d MMM yyyy", culture)} – {to.ToString("d MMM yyyy", culture)}";
    }

    /// <summary>
    /// The rows of every day, week or month from <paramref name="from"/> to <paramref name="to"/> in order, those with
    /// no decision as zeros (the table under the chart keeps only the periods with decisions).
    /// </summary>
    public static IReadOnlyList<ThroughputRow> EveryPeriod(IReadOnlyList<ThroughputRow> rows, string granularity, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (to < from || to.DayNumber - from.DayNumber > 3660)
        {
            return rows;
        }

        var periods = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => ReportQueries.PeriodOf(from.AddDays(i), granularity)).Distinct().ToList();
        var byPeriod = rows.ToDictionary(r => r.Period, StringComparer.Ordinal);
        // A period the rows hold that the range does not make (another granularity's keys): the rows as they came.
        if (rows.Any(r => !periods.Contains(r.Period, StringComparer.Ordinal)))
        {
            return rows;
        }

        return [.. periods.Select(p => byPeriod.GetValueOrDefault(p) ?? new ThroughputRow(p, 0, 0, 0, 0))];
    }

    /// <summary>
    /// A breakdown's row as people name it, on the chart and in the table under it: a kecamatan by its name, a sector
    /// ("Makanan dan minuman") and a kind of application ("Perizinan Berusaha") by their texts, not by key.
    /// </summary>
    public static string BreakdownName(string by, BreakdownRow row, Language language)
    {
        ArgumentNullException.ThrowIfNull(row);
        return by switch
        {
            "sector" => ChartPublicStatistics.SectorName(row.Key, language),
            "permitType" => Infrastructure.Web.Texts.NameOf("PermitType", row.Key, Infrastructure.Web.Cultures.Of(language)),
            _ => row.Name,
        };
    }

    /// <summary>A month's applications by kecamatan or sector for the public page, approved stacked on rejected; <paramref name="names"/> labels the bars.</summary>
    public static FileDownload PublicBreakdown(IReadOnlyList<ShowPublicStatistics.Row> rows, IReadOnlyList<string> names, string by, string month, Language language, string format, bool narrow = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(names);
        var english = language == Language.English;
        var dimension = by == "sector" ? (english ? "sector" : "sektor") : "kecamatan";
        // "Desember 2026", as people name a month, not "2026-12".
        var monthName = PeriodName(month, "month", language);
        var plot = NewPlot(english ? $"Applications per {dimension}, {monthName}" : $"Permohonan per {dimension}, {monthName}", english ? "Applications" : "Permohonan");
        var approved = rows.Select(r => Math.Round(r.Applications * r.ApprovalRate)).ToArray();
        Categories(plot, [.. names], approved, rows.Select((r, i) => r.Applications - approved[i]).ToArray(), english, narrow);
        return Finish(plot, format, $"statistik-{by}-{month}", narrow, english ? $"Applications per {dimension}" : $"Permohonan per {dimension}", NarrowHeightOf(rows.Count));
    }

    /// <summary>
    /// One stacked bar a kecamatan, sector or permit type. On a phone's chart the bars lie down, each named on its left
    /// in level type: slanted names under upright bars would not fit 480 pixels.
    /// </summary>
    private static void Categories(Plot plot, string[] names, double[] approved, double[] rejected, bool english, bool narrow)
    {
        // Top to bottom in the table's order on a phone (the first at the top).
        var positions = Enumerable.Range(0, names.Length).Select(i => narrow ? names.Length - 1 - (double)i : i).ToArray();
        Stack(plot, positions, approved, rejected, english, horizontal: narrow);
        var ticks = new ScottPlot.TickGenerators.NumericManual(positions.Select((p, i) => new Tick(p, narrow ? Fold(names[i]) : names[i])).ToArray());
        if (!narrow)
        {
            plot.Axes.Bottom.TickGenerator = ticks;
            Slant(plot, names);
            return;
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.TickLabelStyle.FontSize = 22;
        plot.Axes.Bottom.TickLabelStyle.FontName = FontName;
        plot.Axes.Bottom.Label.Text = plot.Axes.Left.Label.Text;
        plot.Axes.Bottom.Label.FontName = FontName;
        plot.Axes.Bottom.Label.FontSize = 24;
        plot.Axes.Left.Label.Text = string.Empty;
        plot.Grid.XAxisStyle.IsVisible = true;
        plot.Grid.YAxisStyle.IsVisible = false;
    }

    /// <summary>
    /// A long name beside a phone's bar on two lines, broken at the space nearest its middle ("Makanan dan / minuman"):
    /// on one line it took half of the picture's width from the bars.
    /// </summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length <= 12)
        {
            return name;
        }

        var spaces = Enumerable.Range(0, name.Length).Where(i => name[i] == ' ').ToList();
        if (spaces.Count == 0)
        {
            return name;
        }

        var middle = spaces.MinBy(i => Math.Abs(i - (name.Length / 2.0)));
        return string.Concat(name.AsSpan(0, middle), "\n", name.AsSpan(middle + 1));
    }

    /// <summary>Labels under the bars slant once there are more than fit side by side (a phone's charts keep theirs level).</summary>
    private static void Slant(Plot plot, string[] labels)
    {
        var slanted = labels.Length > 6;
        plot.Axes.Bottom.TickLabelStyle.Rotation = slanted ? -35 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = slanted ? Alignment.MiddleRight : Alignment.UpperCenter;
        if (slanted)
        {
            // Room below for the longest name on the slant, and to the left for the first one (about 13 pixels a
            // letter at this size): long ones were cut at the picture's edges.
            plot.Axes.Bottom.MinimumSize = 40 + (float)(Math.Sin(Math.PI * 35 / 180) * 13 * labels.Max(l => l.Length));
            plot.Axes.Left.MinimumSize = (float)(Math.Cos(Math.PI * 35 / 180) * 13 * labels[0].Length);
        }
    }

    /// <summary>
    /// Renders the chart, or for a phone (<paramref name="narrow"/>) half as wide with a short title: the page above it
    /// names the period, and the long title would not fit 480 pixels.
    /// </summary>
    private static FileDownload Finish(Plot plot, string format, string name, bool narrow, string shortTitle, int narrowHeight = NarrowHeight)
    {
        if (!narrow)
        {
            return Render(plot, format, name);
        }

        plot.Title(shortTitle);
        plot.Axes.Title.Label.FontSize = 24;
        // Centred on the picture, not on the bars beside their names (it would run off the right edge).
        plot.Axes.Title.FullFigureCenter = true;
        return Render(plot, format, name + "-ponsel", NarrowWidth, narrowHeight);
    }

    /// <summary>A phone's chart of lying bars grows with their number, so each name keeps two lines of its own (420 pixels for up to four).</summary>
    public static int NarrowHeightOf(int bars) => Math.Max(NarrowHeight, 180 + (60 * bars));

    private static Plot NewPlot(string title, string yLabel)
    {
        InstallFonts();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Left.Label.FontName = FontName;
        plot.Axes.Bottom.TickLabelStyle.FontName = FontName;
        plot.Axes.Left.TickLabelStyle.FontName = FontName;
        plot.Legend.FontName = FontName;
        plot.Grid.XAxisStyle.IsVisible = false;
        // Every chart counts whole applications or decisions: no 0.5 on its scale.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        // Drawn 960 pixels wide and shown at a phone's 300: type this large stays readable there.
        // A long title (a kind of application, and the range of days) in smaller type rather than cut at the edges.
        plot.Axes.Title.Label.FontSize = title.Length > 48 ? 24 : 30;
        plot.Axes.Left.Label.FontSize = 24;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 22;
        plot.Axes.Left.TickLabelStyle.FontSize = 22;
        plot.Legend.FontSize = 22;
        return plot;
    }

    private static void Stack(Plot plot, double[] positions, double[] approved, double[] rejected, bool english, bool horizontal = false)
    {
        var bars = new List<Bar>(positions.Length * 2);
        for (var i = 0; i < positions.Length; i++)
        {
            bars.Add(new Bar { Position = positions[i], ValueBase = 0, Value = approved[i], FillColor = ApprovedColor, LineWidth = 0 });
            bars.Add(new Bar { Position = positions[i], ValueBase = approved[i], Value = approved[i] + rejected[i], FillColor = RejectedColor, LineWidth = 0 });
        }

        plot.Add.Bars(bars).Horizontal = horizontal;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = english ? "Approved" : "Disetujui", FillColor = ApprovedColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = english ? "Refused" : "Ditolak", FillColor = RejectedColor });
        // Outside the bars (in their corner it hid the top of the tallest): above them on a screen, where the slanted
        // names below would run into it, beneath them on a phone.
        plot.ShowLegend(horizontal ? Edge.Bottom : Edge.Top);

        if (horizontal)
        {
            plot.Axes.Margins(left: 0);
        }
        else
        {
            plot.Axes.Margins(bottom: 0);
        }

        if (positions.Length == 0)
        {
            plot.Axes.SetLimits(horizontal ? 0 : -0.5, horizontal ? 1 : 0.5, horizontal ? -0.5 : 0, horizontal ? 0.5 : 1);
        }
    }

    private static FileDownload Render(Plot plot, string format, string name, int width = Width, int height = Height) => format == "svg"
        ? new FileDownload(System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height)), "image/svg+xml", name + ".svg")
        : new FileDownload(Png(plot, width, height), "image/png", name + ".png");

    /// <summary>Rasterises with Skia and encodes with fast zlib compression: a chart of flat colours compresses well anyway.</summary>
    private static byte[] Png(Plot plot, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        plot.Render(surface.Canvas, width, height);
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.NoFilters, 1))
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return png.ToArray();
    }

    private static string Unit(string granularity) => granularity switch { "week" => "minggu", "month" => "bulan", _ => "hari" };

    private static void InstallFonts()
    {
        lock (Gate)
        {
            if (!fontsInstalled)
            {
                Fonts.FontResolvers.Insert(0, new EmbeddedFonts());
                Fonts.Default = FontName;
                fontsInstalled = true;
            }
        }
    }

    /// <summary>Gives ScottPlot the DejaVu Sans faces embedded in this assembly (see Resources/Fonts/LICENSE.txt).</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
        {
            if (!string.Equals(fontName, FontName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var face = bold ? "DejaVuSans-Bold" : "DejaVuSans";
            using var stream = typeof(ReportCharts).Assembly.GetManifestResourceStream($"LicensingPortal.Api.Resources.Fonts.{face}.ttf")
                ?? throw new InvalidOperationException($"Font {face} is not embedded.");
            return SKTypeface.FromStream(stream);
        }
    }
}
