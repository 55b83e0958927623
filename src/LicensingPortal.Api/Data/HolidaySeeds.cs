using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LicensingPortal.Api.Data;

/// <summary>
/// The holidays of the years known when the service was built, written by a migration so that every database has
/// them from the start; an administrator sets later years (and may correct these) on the administration pages.
/// </summary>
public static class HolidaySeeds
{
    public const string Basis2026 = "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025";

    /// <summary>
    /// 17 national holidays and 8 days of joint leave in 2026. Frozen: the migration that wrote it reads it, so a
    /// change here would make new databases differ from running ones; correct a day on /admin/hari-libur instead.
    /// </summary>
    public static readonly IReadOnlyList<(DateOnly Date, string Name, HolidayKind Kind)> Year2026 =
    [
        (new(2026, 1, 1), "Tahun Baru 2026 Masehi", HolidayKind.National),
        (new(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW", HolidayKind.National),
        (new(2026, 2, 16), "Cuti bersama Tahun Baru Imlek", HolidayKind.JointLeave),
        (new(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili", HolidayKind.National),
        (new(2026, 3, 18), "Cuti bersama Hari Suci Nyepi", HolidayKind.JointLeave),
        (new(2026, 3, 19), "Hari Suci Nyepi Tahun Baru Saka 1948", HolidayKind.National),
        (new(2026, 3, 20), "Cuti bersama Idul Fitri 1447 Hijriah", HolidayKind.JointLeave),
        (new(2026, 3, 21), "Idul Fitri 1447 Hijriah", HolidayKind.National),
        (new(2026, 3, 22), "Idul Fitri 1447 Hijriah", HolidayKind.National),
        (new(2026, 3, 23), "Cuti bersama Idul Fitri 1447 Hijriah", HolidayKind.JointLeave),
        (new(2026, 3, 24), "Cuti bersama Idul Fitri 1447 Hijriah", HolidayKind.JointLeave),
        (new(2026, 4, 3), "Wafat Yesus Kristus", HolidayKind.National),
        (new(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)", HolidayKind.National),
        (new(2026, 5, 1), "Hari Buruh Internasional", HolidayKind.National),
        (new(2026, 5, 14), "Kenaikan Yesus Kristus", HolidayKind.National),
        (new(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus", HolidayKind.JointLeave),
        (new(2026, 5, 27), "Idul Adha 1447 Hijriah", HolidayKind.National),
        (new(2026, 5, 28), "Cuti bersama Idul Adha 1447 Hijriah", HolidayKind.JointLeave),
        (new(2026, 5, 31), "Hari Raya Waisak 2570 BE", HolidayKind.National),
        (new(2026, 6, 1), "Hari Lahir Pancasila", HolidayKind.National),
        (new(2026, 6, 16), "1 Muharam Tahun Baru Islam 1448 Hijriah", HolidayKind.National),
        (new(2026, 8, 17), "Proklamasi Kemerdekaan", HolidayKind.National),
        (new(2026, 8, 25), "Maulid Nabi Muhammad SAW", HolidayKind.National),
        (new(2026, 12, 24), "Cuti bersama Kelahiran Yesus Kristus", HolidayKind.JointLeave),
        (new(2026, 12, 25), "Kelahiran Yesus Kristus", HolidayKind.National),
    ];

    /// <summary>
    /// Writes 2026 as known, from its decree (the migration that made the calendar's tables calls it on both
    /// providers; SQLite keeps an instant as its binary form, see <see cref="SqliteLicensingDbContext"/>).
    /// </summary>
    public static void Insert2026(MigrationBuilder migrationBuilder, bool sqlite)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var setAt = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
        migrationBuilder.InsertData(
            table: "holiday_years",
            columns: ["year", "basis", "set_by", "set_at"],
            values: new object?[] { 2026, Basis2026, null, sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(setAt) : setAt });
        foreach (var (date, name, kind) in Year2026)
        {
            migrationBuilder.InsertData(table: "holidays", columns: ["date", "name", "kind"], values: new object[] { date, name, kind.ToString() });
        }
    }
}
