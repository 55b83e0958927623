using LicensingPortal.Api.Infrastructure.Http;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Downloads;

/// <summary>
/// The workbooks the pages offer (ADR 0026): valid Office Open XML, headers bold on a frozen row, counts, shares and
/// days stored as numbers with their formats (so a spreadsheet in any regional setting reads them), texts never run as
/// formulas, tabs named within Excel's rules.
/// </summary>
public sealed class SpreadsheetTests
{
    private static readonly SheetColumn[] Columns =
    [
        new("Kecamatan", SheetValue.Text),
        new("Jumlah", SheetValue.Count),
        new("Tingkat persetujuan", SheetValue.Percent),
        new("Berakhir", SheetValue.Date),
    ];

    [Fact]
    public void ATable_KeepsItsValuesTyped_AndItsTextsAsText()
    {
        var file = Spreadsheet.Table("Laporan 2026-12-05", "Menurut kecamatan", Columns,
        [
            ["Oebobo", 1234567L, 0.853, new DateOnly(2026, 12, 5)],
            ["=HYPERLINK(\"http://example.com\")", 0, 1.0, null],
        ]);

        Assert.Equal("Laporan 2026-12-05.xlsx", file.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        var sheet = Assert.Single(Workbooks.Read(file.Content));
        Assert.Equal("Menurut kecamatan", sheet.Name);
        Assert.True(sheet.HeaderFrozen);
        Assert.Equal(["Kecamatan", "Jumlah", "Tingkat persetujuan", "Berakhir"], sheet.Header);
        Assert.All(sheet.Rows[0], c => Assert.True(c.Bold));

        var first = sheet.Rows[1];
        Assert.Equal(("A2", "Oebobo", "General", false), (first[0].Reference, first[0].Text, first[0].Format, first[0].Bold));
        Assert.Equal((1234567d, "#,##0"), (first[1].Number, first[1].Format));
        Assert.Equal((0.853, "0.0%"), (first[2].Number, first[2].Format));
        // Excel counts days from 30 December 1899: 5 December 2026 is day 46,361.
        Assert.Equal((46361d, "short date"), (first[3].Number, first[3].Format));

        var second = sheet.Rows[2];
        Assert.Equal("=HYPERLINK(\"http://example.com\")", second[0].Text);
        Assert.False(second[0].Formula);
        Assert.Equal(["A3", "B3", "C3"], second.Select(c => c.Reference));
    }

    [Fact]
    public void ATextAnApplicantTyped_IsKeptAsXmlCanCarryIt_AndMomentsAreDaysAndTimes()
    {
        var columns = Enumerable.Range(0, 27).Select(i => new SheetColumn($"K{i}", SheetValue.Text)).Append(new SheetColumn("Diputuskan", SheetValue.Moment)).ToList();
        var row = Enumerable.Range(0, 27).Select(i => (object?)$"v{i}").Append(new DateTime(2026, 12, 5, 14, 30, 0)).ToList();
        row[0] = "Warung\u0001 Bu\u000BTini \ud83c\udf5c _x0041_";

        var sheet = Assert.Single(Workbooks.Read(Spreadsheet.Table("t", "t", columns, [row]).Content));

        Assert.Equal("Warung BuTini \ud83c\udf5c _x0041_", sheet.Rows[1][0].Text);
        Assert.Equal(("AA2", "v26"), (sheet.Rows[1][26].Reference, sheet.Rows[1][26].Text));
        // 14:30 is 0.604166… of a day after day 46,361.
        Assert.Equal(("AB2", Math.Round(46361 + (14.5 / 24), 8), "built-in 22"), (sheet.Rows[1][27].Reference, Math.Round(sheet.Rows[1][27].Number!.Value, 8), sheet.Rows[1][27].Format));
    }

    [Fact]
    public void TabNames_KeepToExcelsRules_AndNeverRepeat()
    {
        var file = Spreadsheet.Workbook("statistik",
        [
            new SheetTable("Usaha aktif saat ini: per kecamatan [Kota Kupang]", Columns, []),
            new SheetTable("Usaha aktif saat ini: per kecamatan [Kota Kupang]", Columns, []),
            new SheetTable("?*", Columns, []),
            new SheetTable("History", Columns, []),
            new SheetTable("'Usaha di Kota Kupang, Nusa Tenggara Timur \ud83c\udf5c'", Columns, []),
            new SheetTable("Permohonan per kecamatan dan per kelurahan", Columns, []),
            new SheetTable("Permohonan per kecamatan dan per kelurahan", Columns, []),
            new SheetTable(new string('a', 30) + "\ud83c\udf5c", Columns, []),
        ]);

        var names = Workbooks.Read(file.Content).Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.True(n.Length is > 0 and <= 31 && n.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) < 0 && n[0] != '\'' && n[^1] != '\'', n));
        Assert.Equal("Usaha aktif saat ini  per kecam", names[0]);
        Assert.Equal("Usaha aktif saat ini  per k (2)", names[1]);
        Assert.DoesNotContain("History", names);
        Assert.Equal("Usaha di Kota Kupang, Nusa Teng", names[4]);
        Assert.Equal(["Permohonan per kecamatan dan pe", "Permohonan per kecamatan da (2)"], names[5..7]);
        Assert.Equal(new string('a', 30), names[7]);
    }
}
