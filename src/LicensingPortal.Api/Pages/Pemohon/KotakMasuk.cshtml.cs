using LicensingPortal.Api.Features.Me;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon;

/// <summary>The in-app inbox: every notice about one's applications and permits, newest first; read and unread.</summary>
public sealed class KotakMasukModel : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "belumDibaca")]
    public bool UnreadOnly { get; set; }

    public IReadOnlyList<ListNotifications.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = (await Sender.Send(new ListNotifications.Query(UserId, UnreadOnly, Language: Language), cancellationToken)).Value;

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var read = await Sender.Send(new MarkNotificationRead.Command(UserId, id), cancellationToken);
        return read.Succeeded ? RedirectToPage(new { belumDibaca = UnreadOnly ? true : (bool?)null }) : Failure(read.Error!);
    }
}
