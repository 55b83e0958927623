using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// Identity's claims, and <see cref="Sessions.TwoFactorClaim"/> when the account has a second factor: an account with
/// one signs in only with its code, so a staff sign-in without the claim is one that still has to enrol.
/// </summary>
public sealed class LicensingClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(Sessions.TwoFactorClaim, "1"));
        }

        return identity;
    }
}
