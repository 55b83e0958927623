using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>A staff member signing in on a page as one does: a new account of the role, its password, its two-step code.</summary>
public static class StaffSignIn
{
    public static async Task SignInAsync(BrowserPortal portal, IPage page, string role, string language = "id")
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(page);
        using var account = await Accounts.CreateAsync(portal.Factory, role);
        await page.GotoAsync("/akun/masuk");
        await page.GetByLabel(Say.In(language, "Field.Email"), new() { Exact = true }).FillAsync(account.Email);
        await page.GetByLabel(Say.In(language, "Field.Password"), new() { Exact = true }).FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = Say.In(language, "SignIn.Button"), Exact = true }).ClickAsync();
        await page.GetByLabel(Say.In(language, "Field.TwoFactorCode"), new() { Exact = true }).FillAsync(account.Code());
        await page.GetByRole(AriaRole.Button, new() { Name = Say.In(language, "SignIn.Button"), Exact = true }).ClickAsync();
    }
}
