using System.Globalization;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Features.Holidays;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Admin;

/// <summary>
/// A year's national holidays and joint leave (GET /api/public/holidays), and setting them at once from the year's
/// joint decree (PUT /api/admin/holidays/{year}): one day a line, date then name, national holidays and joint leave
/// in two fields. Until a year is set, deadlines across it skip weekends only and an objection is taken two weeks longer.
/// </summary>
public sealed partial class HariLiburModel : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "tahun")]
    public int? Tahun { get; set; }

    [BindProperty]
    public string? Basis { get; set; }

    [BindProperty]
    public string? National { get; set; }

    [BindProperty]
    public string? JointLeave { get; set; }

    public ListHolidays.Response Year { get; private set; } = null!;

    /// <summary>The year was just set: said once after the redirect.</summary>
    public bool Saved { get; private set; }

    public int ThisYear => Wita.Today(Clock).Year;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "disimpan")] bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        if (await LoadAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        Basis = Year.Basis;
        National = Lines(HolidayKind.National);
        JointLeave = Lines(HolidayKind.JointLeave);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var national = Read(National, HolidayKind.National, nameof(National));
        var jointLeave = Read(JointLeave, HolidayKind.JointLeave, nameof(JointLeave));
        if (ModelState.IsValid)
        {
            var year = Tahun ?? ThisYear;
            var set = await Sender.Send(new SetHolidayYear.Command(UserId, year, Basis, [.. national, .. jointLeave]), cancellationToken);
            if (set.Succeeded)
            {
                return Redirect($"/admin/hari-libur?tahun={year.ToString(CultureInfo.InvariantCulture)}&disimpan=true");
            }

            // A day's error is said at the field it was written in; the list's own at the first.
            foreach (var (key, messages) in set.Error!.Errors ?? new Dictionary<string, string[]>())
            {
                var field = key == "basis" ? nameof(Basis)
                    : IndexOf(key) is { } index && index >= national.Count ? nameof(JointLeave)
                    : key.StartsWith("holidays", StringComparison.Ordinal) ? nameof(National)
                    : string.Empty;
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            if (set.Error.Errors is null)
            {
                ModelState.AddModelError(string.Empty, Describe(set.Error));
            }
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var year = await Sender.Send(new ListHolidays.Query(Tahun ?? ThisYear), cancellationToken);
        if (!year.Succeeded)
        {
            return NotFound();
        }

        Year = year.Value;
        return null;
    }

    private string Lines(HolidayKind kind) =>
        string.Join('\n', Year.Holidays.Where(h => h.Kind == kind).Select(h => $"{h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {h.Name}"));

    /// <summary>One day a line, "2027-01-01 Tahun Baru 2027 Masehi"; a line that does not start with such a date is said at its field.</summary>
    private List<SetHolidayYear.Holiday> Read(string? text, HolidayKind kind, string field)
    {
        var days = new List<SetHolidayYear.Holiday>();
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var match = DayLine().Match(lines[i]);
            if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                ModelState.AddModelError(field, Texts.Format("Holidays.Line", i + 1, $"{(Tahun ?? ThisYear).ToString(CultureInfo.InvariantCulture)}-01-01", lines[i].Length > 40 ? lines[i][..40] + "…" : lines[i]));
                continue;
            }

            days.Add(new SetHolidayYear.Holiday(date, match.Groups["name"].Value, kind));
        }

        return days;
    }

    private static int? IndexOf(string key) =>
        HolidayIndex().Match(key) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})\s+(?<name>.+)$")]
    private static partial Regex DayLine();

    [GeneratedRegex(@"^holidays\[(\d+)\]")]
    private static partial Regex HolidayIndex();
}
