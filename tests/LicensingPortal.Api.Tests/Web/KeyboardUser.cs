using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Someone who cannot use a mouse: reaches each control with Tab (never by clicking), types, ticks with Space,
/// moves through radios and options with the arrow keys and presses Enter. Fails when a control cannot be reached.
/// </summary>
public sealed class KeyboardUser(IPage page)
{
    private const int MaxTabs = 80;

    public int MouseClicks { get; private set; }

    public async Task TabToAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        await target.WaitForAsync();
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{target} cannot be reached with Tab within {MaxTabs} presses on {page.Url}.");
    }

    public async Task TypeIntoAsync(ILocator field, string text)
    {
        await TabToAsync(field);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
    }

    public async Task PressAsync(ILocator buttonOrLink)
    {
        await TabToAsync(buttonOrLink);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>A checkbox is ticked with Space; a radio is chosen by Tab into its group, then the arrow keys.</summary>
    public async Task ChooseAsync(ILocator option)
    {
        ArgumentNullException.ThrowIfNull(option);
        await option.WaitForAsync();
        var type = await option.GetAttributeAsync("type");
        if (type == "checkbox")
        {
            await TabToAsync(option);
            if (!await option.IsCheckedAsync())
            {
                await page.Keyboard.PressAsync("Space");
            }

            return;
        }

        var group = await option.GetAttributeAsync("name");
        for (var i = 0; i < MaxTabs && !await page.EvaluateAsync<bool>("name => document.activeElement?.name === name", group); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        for (var i = 0; i < 20 && !await option.IsCheckedAsync(); i++)
        {
            if (await option.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                await page.Keyboard.PressAsync("Space");
            }
            else
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
        }

        Assert.True(await option.IsCheckedAsync(), $"{option} could not be chosen with the keyboard on {page.Url}.");
    }

    public async Task SelectAsync(ILocator select, string optionLabel)
    {
        await TabToAsync(select);
        for (var i = 0; i < 200; i++)
        {
            if (await select.EvaluateAsync<string>("e => e.options[e.selectedIndex]?.text ?? ''") == optionLabel)
            {
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Fail($"'{optionLabel}' could not be chosen with the arrow keys on {page.Url}.");
    }
}
