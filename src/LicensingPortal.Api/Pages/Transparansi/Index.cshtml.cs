using LicensingPortal.Api.Features.Transparency;
using Microsoft.AspNetCore.Authorization;

namespace LicensingPortal.Api.Pages.Transparansi;

/// <summary>
/// The transparency log in plain words, for anyone: what it records, its current signed checkpoint (the same query as
/// GET /api/transparency/checkpoint), the public key at its stable address, and how anyone checks a decision is in it.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PortalPage
{
    public Checkpoint Checkpoint { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Checkpoint = (await Sender.Send(new GetCheckpoint.Query(), cancellationToken)).Value;
}
