using System.Globalization;
using System.Text;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Small pages for phones on mobile data: the HTML of every page of the journey at most 60 KB, and the first page of
/// the application at most 250 KB transferred with a cold cache (HTML, CSS, scripts, icons: everything the browser
/// fetched). Sizes, not times: the figures are written to TestResults/page-weight.md and quoted in docs/benchmarks.md.
/// </summary>
public sealed class PageWeightTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    private const int HtmlBudget = 60 * 1024;
    private const int FirstApplyPageBudget = 250 * 1024;

    [Fact]
    public async Task EveryJourneyPage_IsSmall_AndTheFirstApplyPageIsLightOnAColdCache()
    {
        var page = await portal.NewPageAsync();
        var report = new StringBuilder("| page | HTML (bytes) |\n|---|---:|\n");
        var htmlSizes = new List<(string Path, long Bytes)>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
            {
                htmlSizes.Add((new Uri(response.Url).PathAndQuery, 0));
            }
        };

        var applicant = new Applicant(portal, page);
        await BrowserPortal.StepsAsync(page, async () =>
        {
            await applicant.SignInFreshAccountAsync(prepared: true);

            // The first page of the application, in a fresh browser (nothing cached) signed in as the same applicant.
            await page.GotoAsync("/pemohon");
            await page.GetByRole(AriaRole.Button, new() { Name = Say.Id("Applications.Start") }).First.ClickAsync();
            await applicant.ExpectHeadingAsync(Say.Id("Journey.Business.Title"));
            var firstApplyPage = page.Url;
            var cold = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), StorageState = await page.Context.StorageStateAsync(), ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            var coldPage = await cold.NewPageAsync();
            var requests = new List<IRequest>();
            coldPage.RequestFinished += (_, request) => requests.Add(request);
            await coldPage.GotoAsync(firstApplyPage, new() { WaitUntil = WaitUntilState.NetworkIdle });
            long transferred = 0;
            var lines = new StringBuilder();
            foreach (var request in requests)
            {
                var sizes = await request.SizesAsync();
                var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
                transferred += bytes;
                lines.Append(CultureInfo.InvariantCulture, $"| {new Uri(request.Url).AbsolutePath} | {sizes.ResponseBodySize} | {sizes.ResponseHeadersSize} |\n");
            }

            await cold.CloseAsync();

            // Every page of the journey, its HTML as delivered.
            await page.GotoAsync(firstApplyPage);
            await applicant.AnswerEverythingAsync();
            foreach (var path in htmlSizes.Select(h => h.Path).Distinct().ToList())
            {
                var response = await page.APIRequest.GetAsync(path);
                var html = await response.BodyAsync();
                report.Append(CultureInfo.InvariantCulture, $"| {path.Split('?')[0]} | {html.Length} |\n");
                Assert.True(html.Length <= HtmlBudget, $"{path}: {html.Length} bytes of HTML (budget {HtmlBudget}).");
            }

            report.Append(CultureInfo.InvariantCulture, $"\nFirst apply page, cold cache: {requests.Count} requests, {transferred} bytes transferred (budget {FirstApplyPageBudget}).\n\n| resource | body (bytes, as sent) | headers |\n|---|---:|---:|\n").Append(lines);
            var folder = Path.Combine(TestPaths.RepositoryRoot, "TestResults");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "page-weight.md"), report.ToString());
            Assert.True(transferred <= FirstApplyPageBudget, $"The first apply page cost {transferred} bytes with a cold cache (budget {FirstApplyPageBudget}).\n{report}");
        });
    }
}
