using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>Ten new recovery codes, shown once; the earlier ones stop working.</summary>
public static class NewRecoveryCodes
{
    public sealed record Response(IReadOnlyList<string> RecoveryCodes);

    public sealed record Command(Guid UserId) : ICommand<Result<Response>>;

    public sealed class Handler(UserManager<ApplicationUser> users) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null || !user.TwoFactorEnabled)
            {
                return new Error(ErrorCodes.TwoFactorEnrolmentRequired, StatusCodes.Status409Conflict, "Two-step sign-in is off.", "Turn it on first (POST /api/auth/two-factor/enable).");
            }

            return new Response([.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount) ?? []]);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/two-factor/recovery-codes", async Task<Results<Ok<Response>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId()), cancellationToken)).ToOk())
            .WithName("NewRecoveryCodes")
            .WithSummary("Ten new recovery codes, shown once; the earlier ones stop working.");
}
