using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

public sealed class StartPageTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    [Fact]
    public async Task StartPage_InBahasaIndonesia_ByDefault_WithALanguageSwitch()
    {
        var page = await portal.NewPageAsync(language: "id-ID");

        await page.GotoAsync("/");

        Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ajukan izin usaha di Kota Kupang");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Apply for business permits in Kota Kupang");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }
}
