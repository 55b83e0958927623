using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>Screenshots of key pages for the README (docs/screenshots/), written as the browser tests pass through them.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(TestPaths.RepositoryRoot, "docs", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }
}
