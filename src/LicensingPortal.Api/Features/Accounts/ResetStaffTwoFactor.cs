using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An administrator resets a staff member's two-step sign-in, for one who lost both the phone and the recovery codes:
/// the old key and codes stop working, every sign-in of the account ends, and its next sign-in with the password goes
/// straight to enrolling a new phone (as after an invitation). Kept among the staff changes and in the transparency
/// log like every change of who may sign in; nobody resets their own.
/// </summary>
public static class ResetStaffTwoFactor
{
    public sealed record Command(Guid AdminId, Guid AccountId) : ICommand<Result<StaffMember>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            // An administrator who lost their own phone asks another: one account never lifts its own second factor.
            RuleFor(c => c.AccountId).NotEqual(c => c.AdminId).WithMessage(_ => Texts.Get("Validation.Staff.ResetOwnTwoFactor"));
    }

    public sealed class Handler(TwoFactor twoFactor, StaffAccounts staff, Sessions sessions) : ICommandHandler<Command, Result<StaffMember>>
    {
        public async ValueTask<Result<StaffMember>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await staff.FindAsync(command.AccountId) is not { } user)
            {
                return StaffAccounts.NotFound;
            }

            if (user.TwoFactorEnabled)
            {
                await twoFactor.ForgetAsync(user);
                await sessions.EndAllAsync(user.Id, cancellationToken);
                staff.Record(user.Id, StaffChangeKind.TwoFactorReset, await staff.RolesOfAsync(user), command.AdminId);
            }

            return (await staff.ListAsync(user.Id, cancellationToken)).Single();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/reset-two-factor", async Task<Results<Ok<StaffMember>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("ResetStaffTwoFactor")
            .WithSummary("Reset a staff member's two-step sign-in (a lost phone and recovery codes): its sign-ins end, and its next sign-in enrols a new phone.");
}
