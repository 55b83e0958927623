using LicensingPortal.Api.Features.Transparency;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Permohonan;

/// <summary>The applicant's proof that the decision on their application is in the public transparency log.</summary>
public sealed class BuktiModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The proof; null for the moment the decision's entry waits for its place (then <see cref="Pending"/>).</summary>
    public GetDecisionProof.DecisionProof? Proof { get; private set; }

    public GetDecisionProof.PendingProof? Pending { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var proof = await Sender.Send(new GetDecisionProof.Query(UserId, Id), cancellationToken);
        if (!proof.Succeeded)
        {
            return Failure(proof.Error!);
        }

        (Proof, Pending) = (proof.Value.Proof, proof.Value.Pending);
        if (Pending is not null)
        {
            Response.Headers.RetryAfter = "1";
        }

        return Page();
    }
}
