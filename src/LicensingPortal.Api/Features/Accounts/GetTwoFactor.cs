using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The signed-in account's two-step sign-in: whether it is on, how many recovery codes are left, and, while it is
/// off, the key to add to an authenticator app (as text and as the <c>otpauth://</c> address a QR code shows).
/// </summary>
public static class GetTwoFactor
{
    public sealed record Response(bool Enabled, bool Required, string? SharedKey, string? AuthenticatorUri, int RecoveryCodesLeft);

    public sealed record Query(Guid UserId) : IQuery<Result<Response>>;

    public sealed class Handler(UserManager<ApplicationUser> users, TwoFactor twoFactor) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(query.UserId.ToString());
            if (user is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The account was not found.");
            }

            var required = (await users.GetRolesAsync(user)).Any(Roles.IsStaffRole);
            if (user.TwoFactorEnabled)
            {
                return new Response(true, required, null, null, await users.CountRecoveryCodesAsync(user));
            }

            var key = await twoFactor.KeyOfAsync(user);
            return new Response(false, required, TwoFactor.Readable(key), TwoFactor.UriOf(user.Email!, key), 0);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/two-factor", async Task<Results<Ok<Response>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("GetTwoFactor")
            .WithSummary("Your two-step sign-in: on or off, recovery codes left, and while it is off the key for an authenticator app.");
}
