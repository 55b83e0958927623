using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An administrator invites a person by e-mail with one or more staff roles. The account exists from now on, with
/// its roles and no password, so nobody can sign in to it or register the address; the e-mail (in the language
/// chosen for the person) carries a link that works once, for 72 hours, to set a password. Inviting the same address
/// again while the person has not yet joined sends a new link and voids the earlier one.
/// </summary>
public static class InviteStaff
{
    public sealed record Request(string Email, IReadOnlyList<string> Roles, string? Language);

    public sealed record Command(Guid AdminId, string Email, IReadOnlyList<string> Roles, string? Language) : ICommand<Result<StaffMember>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254).EmailAddress().WithMessage(_ => Texts.Get("Validation.Email"));
            RuleFor(c => c.Roles).StaffRoles();
            RuleFor(c => c.Language).Must(l => l is null || Languages.IsKnown(l)).WithMessage(_ => Texts.Get("Validation.Language"));
        }
    }

    public sealed class Handler(LicensingDbContext db, UserManager<ApplicationUser> users, StaffAccounts staff, AccountMail mail, TimeProvider time)
        : ICommandHandler<Command, Result<StaffMember>>
    {
        public async ValueTask<Result<StaffMember>> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var now = time.GetUtcNow();
            var user = await users.FindByEmailAsync(email);
            if (user is not null && (user.PasswordHash is not null || !(await users.GetRolesAsync(user)).Any(Roles.IsStaffRole)))
            {
                return new Error(ErrorCodes.EmailTaken, StatusCodes.Status409Conflict, "An account with this e-mail address exists already.", "Change the roles of an existing staff account instead.");
            }

            if (user is null)
            {
                user = new ApplicationUser { Id = Guid.CreateVersion7(now), UserName = email, Email = email, PreferredLanguage = command.Language ?? Languages.Indonesian };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    return created.ToError();
                }
            }
            else
            {
                // Invited before and not joined: the earlier links stop working; the roles are as now chosen.
                await foreach (var earlier in db.StaffInvitations.Where(i => i.AccountId == user.Id && i.AcceptedAt == null).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    earlier.Withdraw(now);
                }

                await users.RemoveFromRolesAsync(user, (await users.GetRolesAsync(user)).ToList());
                user.PreferredLanguage = command.Language ?? user.PreferredLanguage;
            }

            await users.AddToRolesAsync(user, command.Roles);
            var (invitation, token) = StaffInvitation.Issue(user.Id, command.AdminId, now);
            db.StaffInvitations.Add(invitation);
            mail.SendInvitation(user, token);
            staff.Record(user.Id, StaffChangeKind.Invited, command.Roles, command.AdminId);
            return (await staff.ListAsync(user.Id, cancellationToken)).Single();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", async Task<Results<Created<StaffMember>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request.Email, request.Roles, request.Language), cancellationToken)).ToCreated(member => $"/api/admin/staff/{member.Id}"))
            .WithName("InviteStaff")
            .WithSummary("Invite a person by e-mail with staff roles (Officer, Mayor, Admin); the link works once, for 72 hours.");
}
