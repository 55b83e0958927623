using LicensingPortal.Api.Features.Transparency;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Permohonan;

/// <summary>The applicant's proof that the decision on their application is in the public transparency log.</summary>
public sealed class BuktiModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public GetDecisionProof.DecisionProof Proof { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var proof = await Sender.Send(new GetDecisionProof.Query(UserId, Id), cancellationToken);
        if (!proof.Succeeded)
        {
            return Failure(proof.Error!);
        }

        Proof = proof.Value;
        return Page();
    }
}
