using LicensingPortal.Api.Composed;
using LicensingPortal.Api.Features.Me;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon;

/// <summary>How one is notified (the same use cases as /api/me/preferences): language, e-mail, and a webhook whose secret is shown once.</summary>
public sealed class PengaturanModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["language"] = nameof(ChosenLanguage),
        ["webhookUrl"] = nameof(WebhookUrl),
    };

    [BindProperty]
    public string? ChosenLanguage { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? WebhookUrl { get; set; }

    public bool Saved { get; private set; }

    /// <summary>A new webhook secret: shown in this answer only.</summary>
    public string? Secret { get; private set; }

    public IReadOnlyList<Choice> Languages { get; } = [new(Domain.Languages.Indonesian, "Bahasa Indonesia"), new(Domain.Languages.English, "English")];

    public IReadOnlyList<Choice> YesNo { get; } = [new("true", Texts.Get("Form.Yes")), new("false", Texts.Get("Form.No"))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = (await Sender.Send(new GetPreferences.Query(UserId), cancellationToken)).Value;
        ChosenLanguage = current.Language;
        Email = current.EmailNotifications ? "true" : "false";
        WebhookUrl = current.WebhookUrl;
    }

    /// <summary>A copy of everything the service holds about the applicant, as a workbook (the API's GET /api/me/data as JSON).</summary>
    public async Task<IActionResult> OnGetDataAsync(CancellationToken cancellationToken)
    {
        var data = await Sender.Send(new ExportMyData.Query(User, Language), cancellationToken);
        if (!data.Succeeded)
        {
            return Failure(data.Error!);
        }

        var file = MyDataWorkbook.Of(data.Value);
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await Sender.Send(new SetPreferences.Command(UserId, ChosenLanguage ?? string.Empty, Email != "false", WebhookUrl), cancellationToken);
        if (!saved.Succeeded)
        {
            ShowErrors(saved.Error!, Fields);
            return Page();
        }

        Saved = true;
        Secret = saved.Value.WebhookSecret;
        return Page();
    }
}
