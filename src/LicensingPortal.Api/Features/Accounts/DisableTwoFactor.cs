using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>An applicant turns two-step sign-in off (its key and recovery codes are forgotten); staff accounts keep it.</summary>
public static class DisableTwoFactor
{
    public sealed record Command(Guid UserId) : ICommand<Result<bool>>;

    public sealed class Handler(UserManager<ApplicationUser> users, TwoFactor twoFactor, Sessions sessions) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The account was not found.");
            }

            if ((await users.GetRolesAsync(user)).Any(Roles.IsStaffRole))
            {
                return new Error(ErrorCodes.TwoFactorKeptForStaff, StatusCodes.Status409Conflict, "Staff accounts keep two-step sign-in.", "Make new recovery codes instead if the old ones are used up.");
            }

            if (!user.TwoFactorEnabled)
            {
                return true;
            }

            await twoFactor.ForgetAsync(user);
            await sessions.EndAllAsync(user.Id, cancellationToken);
            return true;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/two-factor/disable", async Task<Results<NoContent, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(user.UserId()), cancellationToken);
                return result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
            })
            .WithName("DisableTwoFactor")
            .WithSummary("Turn two-step sign-in off (applicants only; staff accounts keep it). Log in again afterwards.");
}
