using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Features.Holidays;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Holidays;

/// <summary>
/// Kupang's holidays: 2026 known from its decree from the start, later years set by an administrator at once and
/// published; the law's working-day deadlines skip them, and a year set ends the two weeks' margin for it.
/// </summary>
public abstract class HolidayTests(Portal portal)
{
    private const string TestHoliday = "Hari libur uji";

    [Fact]
    public async Task TwentyTwentySix_IsKnownFromItsDecree_AndAYearNotSet_IsSaidToBeUnknown()
    {
        var known = (await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2026", TestJson.Options))!;
        Assert.True(known.Known);
        Assert.Contains("1497 Tahun 2025", known.Basis, StringComparison.Ordinal);
        // The decree's days as the migration wrote them (a day another test of this class adds aside).
        var decreed = known.Holidays.Where(h => h.Name != TestHoliday).ToList();
        Assert.Equal((17, 8), (decreed.Count(h => h.Kind == global::LicensingPortal.Api.Domain.HolidayKind.National), decreed.Count(h => h.Kind == global::LicensingPortal.Api.Domain.HolidayKind.JointLeave)));
        Assert.Equal(global::LicensingPortal.Api.Data.HolidaySeeds.Year2026.Select(h => (h.Date, h.Name, h.Kind)), decreed.Select(h => (h.Date, h.Name, h.Kind)));
        Assert.Contains(known.Holidays, h => h.Date == new DateOnly(2026, 3, 21) && h.Name == "Idul Fitri 1447 Hijriah");
        Assert.Equal(known.Holidays.OrderBy(h => h.Date), known.Holidays);

        var unknown = (await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2040", TestJson.Options))!;
        Assert.Equal((2040, false, null, 0), (unknown.Year, unknown.Known, unknown.Basis, unknown.Holidays.Count));
        await Problems.AssertAsync(await portal.Client.GetAsync("/api/public/holidays?year=1900"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AnAdministratorSetsAYearAtOnce_AndSettingItAgainReplacesIt_OthersMayNot()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var applicant = await portal.ApplicantAsync();
        var year = new SetHolidayYear.Request("SKB Nomor 9 Tahun 2040", [new(new DateOnly(2041, 1, 1), "Tahun Baru 2041 Masehi", global::LicensingPortal.Api.Domain.HolidayKind.National), new(new DateOnly(2041, 1, 2), "Cuti bersama Tahun Baru", global::LicensingPortal.Api.Domain.HolidayKind.JointLeave)]);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.PutAsJsonAsync("/api/admin/holidays/2041", year, TestJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.PutAsJsonAsync("/api/admin/holidays/2041", year, TestJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Client.PutAsJsonAsync("/api/admin/holidays/2041", year, TestJson.Options)).StatusCode);

        // Each mistake is said, and nothing is kept.
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", year with { Holidays = [.. year.Holidays!, new(new DateOnly(2042, 1, 1), "Tahun Baru 2042 Masehi", global::LicensingPortal.Api.Domain.HolidayKind.National)] }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", year with { Holidays = [.. year.Holidays!, year.Holidays![0]] }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", year with { Holidays = [year.Holidays![0] with { Name = " " }] }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", year with { Holidays = [] }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", year with { Basis = "SKB" }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", new { basis = "SKB Nomor 9 Tahun 2040", holidays = new object?[] { null } }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", new { basis = "SKB Nomor 9 Tahun 2040", holidays = new[] { new { date = "2041-01-01", name = "Tahun Baru", kind = "Weekend" } } }, TestJson.Options), HttpStatusCode.BadRequest, "malformed_request");
        Assert.False((await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2041", TestJson.Options))!.Known);

        var set = await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", year, TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var published = (await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2041", TestJson.Options))!;
        Assert.Equal((true, "SKB Nomor 9 Tahun 2040"), (published.Known, published.Basis));
        Assert.Equal([new DateOnly(2041, 1, 1), new DateOnly(2041, 1, 2)], published.Holidays.Select(h => h.Date));

        // Set again: replaced whole, other years untouched.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync("/api/admin/holidays/2041", year with { Basis = "SKB Nomor 9 Tahun 2040 (perubahan)", Holidays = [new(new DateOnly(2041, 12, 25), "Kelahiran Yesus Kristus", global::LicensingPortal.Api.Domain.HolidayKind.National)] }, TestJson.Options)).StatusCode);
        var replaced = (await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2041", TestJson.Options))!;
        Assert.Equal([(new DateOnly(2041, 12, 25), "Kelahiran Yesus Kristus")], replaced.Holidays.Select(h => (h.Date, h.Name)));
        Assert.Equal("SKB Nomor 9 Tahun 2040 (perubahan)", replaced.Basis);
        Assert.Contains((await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2026", TestJson.Options))!.Holidays, h => h.Date == new DateOnly(2026, 3, 21));
        Assert.False((await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2042", TestJson.Options))!.Known);
    }

    /// <summary>Two administrators setting a new year at once: both answered, the year is one of the two whole, never a mix.</summary>
    [Fact]
    public async Task TwoAdministrators_SettingAYearAtOnce_LeaveOneOfTheirYearsWhole()
    {
        using var first = await portal.StaffAsync(Roles.Admin);
        using var second = await portal.StaffAsync(Roles.Admin);
        SetHolidayYear.Request Year(int day) => new($"SKB uji {day}", [.. Enumerable.Range(day, 3).Select(d => new SetHolidayYear.Holiday(new DateOnly(2043, 2, d), $"Hari libur uji {d}", global::LicensingPortal.Api.Domain.HolidayKind.National))]);

        // A year new to both, then the same year set again by both.
        foreach (var round in new[] { (1, 2), (3, 5) })
        {
            var answers = await Task.WhenAll(first.Client.PutAsJsonAsync("/api/admin/holidays/2043", Year(round.Item1), TestJson.Options), second.Client.PutAsJsonAsync("/api/admin/holidays/2043", Year(round.Item2), TestJson.Options));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            var stored = (await portal.Client.GetFromJsonAsync<ListHolidays.Response>("/api/public/holidays?year=2043", TestJson.Options))!;
            var day = stored.Basis == $"SKB uji {round.Item1}" ? round.Item1 : round.Item2;
            Assert.Equal(Year(day).Holidays!.Select(h => h.Date), stored.Holidays.Select(h => h.Date));
        }
    }

    /// <summary>
    /// A refusal's time to object and the office's time to answer skip a holiday set for the days ahead. A refusal
    /// decided once every year its time spans is set is taken until the day told (no margin); one decided before keeps
    /// the day it was promised then, its time only lengthened.
    /// </summary>
    [Fact]
    public async Task Deadlines_SkipTheHolidaysSet_AndAKnownYearNeedsNoMargin_WhilePromisesStand()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        using var applicant = await portal.ApplicantAsync();
        var earlier = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var promised = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{earlier.Id}/objection", TestJson.Options))!;
        var calendar = await Calendars.PublishedAsync(applicant.Client);
        var today = global::LicensingPortal.Api.Domain.Wita.DateOf(DateTimeOffset.UtcNow);
        Assert.Equal(global::LicensingPortal.Api.Domain.Objection.LastDayToFile(earlier.Decision!.DecidedAt, calendar), promised.LastDayToObject);
        Assert.Equal(global::LicensingPortal.Api.Domain.Objection.LastDayTaken(earlier.Decision.DecidedAt, calendar), promised.TakenUntil);

        // The next working day becomes a holiday (this year's set again with it), and next year is set.
        var next = calendar.AddWorkingDays(today, 1);
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            var stored = (await portal.Client.GetFromJsonAsync<ListHolidays.Response>($"/api/public/holidays?year={year}", TestJson.Options))!;
            List<SetHolidayYear.Holiday> days = [.. stored.Holidays.Select(h => new SetHolidayYear.Holiday(h.Date, h.Name, h.Kind))];
            days.Add(new(next.Year == year ? next : new DateOnly(year, 1, 1), TestHoliday, global::LicensingPortal.Api.Domain.HolidayKind.JointLeave));
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/admin/holidays/{year}", new SetHolidayYear.Request(stored.Basis ?? "SKB uji", [.. days.DistinctBy(d => d.Date)]), TestJson.Options)).StatusCode);
        }

        var known = await Calendars.PublishedAsync(applicant.Client);
        Assert.False(known.IsWorkingDay(next));

        // Decided before: a later last day told, and never taken for less than was promised.
        var kept = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{earlier.Id}/objection", TestJson.Options))!;
        Assert.True(kept.LastDayToObject > promised.LastDayToObject);
        Assert.True(kept.TakenUntil >= promised.TakenUntil);

        // Decided now: the day told is the last day taken.
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var path = $"/api/applications/{refused.Id}/objection";
        var state = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!;
        Assert.Equal(global::LicensingPortal.Api.Domain.Objection.LastDayToFile(refused.Decision!.DecidedAt, known), state.LastDayToObject);
        Assert.True(state.LastDayToObject > global::LicensingPortal.Api.Domain.Objection.LastDayToFile(refused.Decision.DecidedAt, global::LicensingPortal.Api.Domain.WorkingCalendar.Weekdays));
        Assert.Equal(state.LastDayToObject, state.TakenUntil);

        var filed = (await (await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Pernyataan sudah saya centang, tetapi tidak tersimpan."), TestJson.Options)).Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!;
        Assert.Equal(known.AddWorkingDays(today, 10), filed.Objection!.AnswerDueOn);
        Assert.True(global::LicensingPortal.Api.Domain.WorkingCalendar.Weekdays.AddWorkingDays(today, 10) < filed.Objection.AnswerDueOn);
    }
}

public sealed class HolidayTestsOnSqlite(SqlitePortal portal) : HolidayTests(portal), IClassFixture<SqlitePortal>;

public sealed class HolidayTestsOnPostgres(PostgresPortal portal) : HolidayTests(portal), IClassFixture<PostgresPortal>;
