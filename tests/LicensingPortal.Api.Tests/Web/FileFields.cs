using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>File fields as a person fills them in the browser.</summary>
public static class FileFields
{
    /// <summary>
    /// Chooses files at a file field as a person does: with JavaScript, GOV.UK's file upload draws the field as a button
    /// of the page's language, which opens the browser's file chooser; without it, the browser's own input takes them.
    /// </summary>
    public static async Task ChooseFilesAsync(this ILocator field, params string[] files)
    {
        ArgumentNullException.ThrowIfNull(field);
        // After a click on a link the page may still be running its scripts: once loaded, the field is what it stays.
        await field.Page.WaitForLoadStateAsync(LoadState.Load);
        if (await field.EvaluateAsync<string>("element => element.tagName") == "INPUT")
        {
            await field.SetInputFilesAsync(files);
            return;
        }

        var chooser = await field.Page.RunAndWaitForFileChooserAsync(() => field.ClickAsync());
        await chooser.SetFilesAsync(files);
    }
}
