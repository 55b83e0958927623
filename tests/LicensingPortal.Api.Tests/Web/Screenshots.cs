using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Screenshots of key pages for the README (docs/screenshots/), written as the browser tests pass through them; not in
/// CI (CI=true), whose clone is thrown away after the run: a full-page picture of a long page at 320 pixels takes the
/// browser a noticeable part of a second to draw and encode, some ninety of them a run. A screenshot asserts nothing;
/// a failing step still keeps its page and picture (<see cref="BrowserPortal.StepsAsync"/>).
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(TestPaths.RepositoryRoot, "docs", "screenshots");

    private static readonly bool Skipped = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Skipped)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }
}
