namespace LicensingPortal.Api.Data;

/// <summary>Kupang's working days as the database holds them: a few dozen holidays a year, read whole when a deadline is counted.</summary>
public static class WorkingDays
{
    public static async Task<WorkingCalendar> WorkingCalendarAsync(this LicensingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var holidays = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        var years = await db.HolidayYears.AsNoTracking().Select(y => new { y.Year, y.SetAt }).ToListAsync(cancellationToken);
        return new WorkingCalendar(holidays, years.Select(y => (y.Year, y.SetAt)));
    }
}
