using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Holidays;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Kupang's working days as the service publishes them, to count the deadlines a test expects.</summary>
public static class Calendars
{
    /// <summary>The calendar of this year and the next two, read from GET /api/public/holidays.</summary>
    public static async Task<WorkingCalendar> PublishedAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var thisYear = Wita.DateOf(DateTimeOffset.UtcNow).Year;
        var years = new List<ListHolidays.Response>();
        foreach (var year in Enumerable.Range(thisYear, 3))
        {
            years.Add((await client.GetFromJsonAsync<ListHolidays.Response>($"/api/public/holidays?year={year}", TestJson.Options))!);
        }

        return new WorkingCalendar(years.SelectMany(y => y.Holidays).Select(h => h.Date), years.Where(y => y.Known).Select(y => y.Year));
    }
}
