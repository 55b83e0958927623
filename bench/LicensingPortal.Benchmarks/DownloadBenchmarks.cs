using BenchmarkDotNet.Attributes;
using LicensingPortal.Api.Infrastructure.Http;

namespace LicensingPortal.Benchmarks;

/// <summary>
/// What a workbook for people costs against the CSV it replaced on the pages (ADR 0026): the officers' export of a
/// search's matches (nine columns: texts, a day and time) at its cap of 10,000 rows and at a month's worth, and a
/// dashboard table of 25 rows (a name, four figures).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class DownloadBenchmarks
{
    private static readonly SheetColumn[] Decisions =
    [
        new("Nama usaha", SheetValue.Text), new("Nomor permohonan", SheetValue.Text), new("Diputuskan (WITA)", SheetValue.Moment),
        new("Hasil", SheetValue.Text), new("Jenis permohonan", SheetValue.Text), new("Kegiatan usaha (KBLI)", SheetValue.Text),
        new("Kecamatan", SheetValue.Text), new("Izin yang diperlukan", SheetValue.Text), new("Persyaratan tidak terpenuhi", SheetValue.Text),
    ];

    private static readonly SheetColumn[] Figures =
    [
        new("Kecamatan", SheetValue.Text), new("Jumlah", SheetValue.Count), new("Disetujui", SheetValue.Count), new("Ditolak", SheetValue.Count), new("Tingkat persetujuan", SheetValue.Percent),
    ];

    private List<IReadOnlyList<object?>> rows = [];

    [Params("decisions: 10,000", "decisions: 1,000", "dashboard: 25")]
    public string Table { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261205);
        var start = new DateTime(2026, 11, 1, 8, 0, 0);
        rows = Table.StartsWith("dashboard", StringComparison.Ordinal)
            ? Enumerable.Range(0, 25).Select(i => (IReadOnlyList<object?>)[$"Kecamatan {i}", (long)random.Next(100, 5000), (long)random.Next(50, 100), (long)random.Next(0, 50), random.NextDouble()]).ToList()
            : Enumerable.Range(0, Table.Contains("10,000", StringComparison.Ordinal) ? 10_000 : 1_000).Select(i => (IReadOnlyList<object?>)
            [
                $"Usaha Contoh Sejahtera {i}", $"LP-{i:X4}-{random.Next(0x10000):X4}", start.AddMinutes(i * 3), i % 3 == 0 ? "Ditolak" : "Disetujui", "Permohonan baru",
                "Restoran (56101); Warung makan (56102)", "Kelapa Lima", "Nomor Induk Berusaha; Sertifikat Laik Higiene Sanitasi",
                i % 3 == 0 ? "Pemohon menyatakan data yang diisi benar; Setiap KBLI sesuai dengan zonasi kelurahan" : string.Empty,
            ]).ToList();
    }

    [Benchmark(Baseline = true, Description = "CSV (CsvHelper)")]
    public int Csv() => Api.Infrastructure.Http.Csv.Table("t", Header(), rows).Content.Length;

    [Benchmark(Description = "Workbook (Open XML SDK)")]
    public int Workbook() => Spreadsheet.Table("t", "t", Table.StartsWith("dashboard", StringComparison.Ordinal) ? Figures : Decisions, rows).Content.Length;

    private string[] Header() => (Table.StartsWith("dashboard", StringComparison.Ordinal) ? Figures : Decisions).Select(c => c.Header).ToArray();
}
