using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>Accessibility checks with axe-core on the page as it is shown.</summary>
public static class Axe
{
    /// <summary>Fails on any serious or critical violation, naming the rule, the page and the elements.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) on {page.Url}: {v.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(' ', n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
