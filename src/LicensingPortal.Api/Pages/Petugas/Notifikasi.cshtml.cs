using LicensingPortal.Api.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas;

/// <summary>Notifications that could not be delivered after every retry, and sending one again (the same use cases as /api/notifications).</summary>
public sealed class NotifikasiModel : PortalPage
{
    public IReadOnlyList<ListDeadLetters.Item> DeadLetters { get; private set; } = [];

    public bool Resent { get; private set; }

    public async Task OnGetAsync(bool dikirimUlang, CancellationToken cancellationToken)
    {
        Resent = dikirimUlang;
        DeadLetters = (await Sender.Send(new ListDeadLetters.Query(), cancellationToken)).Value;
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        var resent = await Sender.Send(new ResendNotification.Command(id), cancellationToken);
        return resent.Succeeded ? Redirect("/petugas/notifikasi?dikirimUlang=true") : Failure(resent.Error!);
    }
}
