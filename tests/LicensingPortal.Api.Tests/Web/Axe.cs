using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>Accessibility checks with axe-core on the page as it is shown.</summary>
public static class Axe
{
    /// <summary>Where the app under test serves axe-core's script to the browser tests (<see cref="ScriptFilter"/>).</summary>
    public const string ScriptPath = "/__tests/axe.min.js";

    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    // Every rule runs; only violations are gathered and sent back (axe's "resultTypes": passes, incomplete and
    // inapplicable results come back with one element each instead of every element on the page). The service's pages
    // have no frames; axe is put in the page's main frame only, so it is not asked to go into frames.
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations], Iframes = false };

    /// <summary>What RunAxeLegacy sends into a page that has axe-core already (<see cref="LoadAsync"/>): nothing to do.</summary>
    private const string Loaded = "void 0";

    /// <summary>Fails on any serious or critical violation, naming the rule, the page and the elements.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await LoadAsync(page);

        // axe.run in the page itself ("legacy mode"), with the same rules as RunAxe. RunAxe runs axe in each frame and
        // then opens a blank page to gather the frames' results, which took 1.5-2.5 s a page on this machine against
        // 0.3-0.7 s; what it adds is testing frames from other origins, and the service's pages have no frames.
#pragma warning disable CS0618 // Obsolete: kept by the pinned package version; see above.
        var result = await page.RunAxeLegacy(null!, Options, Loaded);
#pragma warning restore CS0618
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => (Violation: v, Nodes: v.Nodes.Where(n => !IsFileUploadNameQuirk(v, n)).ToList()))
            .Where(v => v.Nodes.Count > 0)
            .Select(v => $"{v.Violation.Id} ({v.Violation.Impact}) on {page.Url}: {v.Violation.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(' ', n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    /// <summary>
    /// Puts axe-core in the page once. A page of the app under test whose scripts run loads it as a script of its own
    /// origin (the pages' policy lets 'self' scripts run), from the browser's cache after the first time in a test: the
    /// 560 KB script sent into the page by Playwright took 160-175 ms a page on this machine (2026-12-07), most of it
    /// the sending, about 300 times a run. Any other page (scripts off, or not the app's) gets it sent in.
    /// </summary>
    private static async Task LoadAsync(IPage page)
    {
        const string Present = "() => typeof window.axe?.run === 'function'";
        if (await page.EvaluateAsync<bool>(Present))
        {
            return;
        }

        if (BrowserPortal.RunsScripts(page) && page.Url.StartsWith("http://localhost:", StringComparison.Ordinal))
        {
            try
            {
                await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = ScriptPath });
            }
            catch (PlaywrightException)
            {
                // Refused by the page (a policy stricter than the pages'): sent in below.
            }

            if (await page.EvaluateAsync<bool>(Present))
            {
                return;
            }
        }

        await page.EvaluateAsync(Source.Value);
    }

    /// <summary>
    /// GOV.UK's file upload button is named by its field's label, a visually hidden comma and its own text (its status,
    /// then its pseudo-button's words), so that the name holds all that is seen (govuk-frontend #5652). axe's
    /// label-content-name-mismatch gathers the visible text by joining the button's parts with nothing between them and
    /// leaving out the hidden comma, so the status's last word and the pseudo-button's first fuse into one ("dipilihPilih")
    /// that the name, which has them apart, does not hold; it compares whole words and reports a mismatch. Only that rule
    /// on only that button is let through; every other rule still checks it.
    /// </summary>
    private static bool IsFileUploadNameQuirk(AxeResultItem violation, AxeResultNode node) =>
        violation.Id == "label-content-name-mismatch" && node.Html.StartsWith("<button class=\"govuk-file-upload-button", StringComparison.Ordinal);

    /// <summary>Serves axe-core's script at <see cref="ScriptPath"/>, before the app's own pipeline (a browser-test host only).</summary>
    public sealed class ScriptFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(ScriptPath, script => script.Run(async context =>
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                context.Response.Headers.CacheControl = "private, max-age=86400";
                await context.Response.WriteAsync(Source.Value);
            }));
            next(app);
        };
    }
}
