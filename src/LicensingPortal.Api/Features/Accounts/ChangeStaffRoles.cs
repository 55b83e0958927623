using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An administrator changes a staff account's roles. The account's sign-ins end (they carried the old roles); the
/// last active administrator cannot lose the Admin role.
/// </summary>
public static class ChangeStaffRoles
{
    public sealed record Request(IReadOnlyList<string> Roles);

    public sealed record Command(Guid AdminId, Guid AccountId, IReadOnlyList<string> Roles) : ICommand<Result<StaffMember>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Roles).StaffRoles();
            // Nobody makes themselves the reader of reports that may be about the service they run.
            RuleFor(c => c.Roles).Must(roles => roles is null || !roles.Contains(Roles.Inspector)).When(c => c.AccountId == c.AdminId)
                .WithMessage(_ => Texts.Get("Validation.StaffRoles.OwnInspector"));
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, StaffAccounts staff, Sessions sessions) : ICommandHandler<Command, Result<StaffMember>>
    {
        public async ValueTask<Result<StaffMember>> Handle(Command command, CancellationToken cancellationToken)
        {
            await staff.LockAdministratorsAsync(cancellationToken);
            if (await staff.FindAsync(command.AccountId) is not { } user)
            {
                return StaffAccounts.NotFound;
            }

            var before = await staff.RolesOfAsync(user);
            if (before.Contains(Roles.Admin) && !command.Roles.Contains(Roles.Admin) && user.IsActive && user.PasswordHash is not null
                && !await staff.AnotherActiveAdminAsync(user.Id, cancellationToken))
            {
                return StaffAccounts.LastAdministrator;
            }

            if (!before.Order(StringComparer.Ordinal).SequenceEqual(command.Roles.Order(StringComparer.Ordinal)))
            {
                await users.RemoveFromRolesAsync(user, before);
                await users.AddToRolesAsync(user, command.Roles);
                await users.UpdateSecurityStampAsync(user);
                await sessions.EndAllAsync(user.Id, cancellationToken);
                staff.Record(user.Id, StaffChangeKind.RolesChanged, command.Roles, command.AdminId);
            }

            return (await staff.ListAsync(user.Id, cancellationToken)).Single();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/{id:guid}/roles", async Task<Results<Ok<StaffMember>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id, request.Roles), cancellationToken)).ToOk())
            .WithName("ChangeStaffRoles")
            .WithSummary("Change a staff account's roles; its sign-ins end. The last active administrator keeps the Admin role.");
}
