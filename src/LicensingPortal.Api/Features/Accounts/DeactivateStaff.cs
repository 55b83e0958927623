using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An administrator deactivates a staff account (someone left): it cannot sign in, and its bearer tokens, refresh
/// tokens and cookies stop working at once. The last active administrator cannot be deactivated.
/// </summary>
public static class DeactivateStaff
{
    public sealed record Command(Guid AdminId, Guid AccountId) : ICommand<Result<StaffMember>>;

    public sealed class Handler(UserManager<ApplicationUser> users, StaffAccounts staff, Sessions sessions, TimeProvider time) : ICommandHandler<Command, Result<StaffMember>>
    {
        public async ValueTask<Result<StaffMember>> Handle(Command command, CancellationToken cancellationToken)
        {
            await staff.LockAdministratorsAsync(cancellationToken);
            if (await staff.FindAsync(command.AccountId) is not { } user)
            {
                return StaffAccounts.NotFound;
            }

            var roles = await staff.RolesOfAsync(user);
            if (user.IsActive)
            {
                if (roles.Contains(Roles.Admin) && user.PasswordHash is not null && !await staff.AnotherActiveAdminAsync(user.Id, cancellationToken))
                {
                    return StaffAccounts.LastAdministrator;
                }

                user.DeactivatedAt = time.GetUtcNow();
                await users.UpdateSecurityStampAsync(user);
                await sessions.EndAllAsync(user.Id, cancellationToken);
                staff.Record(user.Id, StaffChangeKind.Deactivated, roles, command.AdminId);
            }

            return (await staff.ListAsync(user.Id, cancellationToken)).Single();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/deactivate", async Task<Results<Ok<StaffMember>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("DeactivateStaff")
            .WithSummary("Deactivate a staff account: it cannot sign in, and what it was issued stops working at once.");
}
