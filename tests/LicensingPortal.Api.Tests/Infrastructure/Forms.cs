using System.Text.RegularExpressions;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Posting a page's form as a browser would, without one.</summary>
public static partial class Forms
{
    /// <summary>The anti-forgery token in a page's form.</summary>
    public static string AntiForgeryToken(string html)
    {
        var match = Token().Match(html);
        Assert.True(match.Success, "The page has no form with an anti-forgery token.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();
}

/// <summary>The rate limits count in fixed windows aligned to the clock.</summary>
public static class RateWindows
{
    /// <summary>
    /// With a day-long window (RateLimits:WindowSeconds 86400), a test that counts requests against a limit waits
    /// out a UTC midnight that would fall within the next <paramref name="need"/>, so its requests share one window.
    /// </summary>
    public static async Task WithinOneDayAsync(TimeSpan need)
    {
        var today = DateTime.UtcNow.Date;
        if (today.AddDays(1) - DateTime.UtcNow < need)
        {
            await Eventually.TrueAsync(() => DateTime.UtcNow.Date > today, "the UTC day has turned", need + TimeSpan.FromMinutes(1));
        }
    }
}
