using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>An administrator lets a deactivated staff account sign in again (with its password and second factor).</summary>
public static class ReactivateStaff
{
    public sealed record Command(Guid AdminId, Guid AccountId) : ICommand<Result<StaffMember>>;

    public sealed class Handler(UserManager<ApplicationUser> users, StaffAccounts staff) : ICommandHandler<Command, Result<StaffMember>>
    {
        public async ValueTask<Result<StaffMember>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await staff.FindAsync(command.AccountId) is not { } user)
            {
                return StaffAccounts.NotFound;
            }

            if (!user.IsActive)
            {
                user.DeactivatedAt = null;
                await users.UpdateAsync(user);
                staff.Record(user.Id, StaffChangeKind.Reactivated, await staff.RolesOfAsync(user), command.AdminId);
            }

            return (await staff.ListAsync(user.Id, cancellationToken)).Single();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/reactivate", async Task<Results<Ok<StaffMember>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("ReactivateStaff")
            .WithSummary("Let a deactivated staff account sign in again.");
}
