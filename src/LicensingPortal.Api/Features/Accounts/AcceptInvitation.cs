using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The invited person sets a password with the code of their invitation's link (once, within 72 hours); the address
/// is confirmed by it. They are then signed in, and a staff account's first stop is turning on two-step sign-in: no
/// staff page or endpoint answers before that.
/// </summary>
public static class AcceptInvitation
{
    public sealed record Request(string Code, string Password);

    public sealed record Command(string Code, string Password, string? Address) : ICommand<Result<Response>>;

    /// <summary>The account's e-mail address; the pages also get its sign-in (never serialised).</summary>
    public sealed record Response(string Email, [property: JsonIgnore] ClaimsPrincipal SignedIn);

    public static Error Invalid => new(
        ErrorCodes.InvitationInvalid,
        StatusCodes.Status400BadRequest,
        "The invitation link is not valid.",
        "It was used already, replaced by a newer invitation, or is older than 72 hours: ask an administrator to invite you again.");

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Password).NotEmpty().WithMessage(_ => Texts.Get("Validation.Password")).MaximumLength(200);
        }
    }

    public sealed class Handler(LicensingDbContext db, UserManager<ApplicationUser> users, StaffAccounts staff, SignInSteps steps, TimeProvider time)
        : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var hash = StaffInvitation.HashOf(command.Code.Trim());
            var invitation = await db.StaffInvitations.SingleOrDefaultAsync(i => i.TokenSha256 == hash, cancellationToken);
            var user = invitation is null ? null : await users.FindByIdAsync(invitation.AccountId.ToString());
            if (invitation is null || !invitation.IsOpen(now) || user is null || user.PasswordHash is not null || !user.IsActive)
            {
                return Invalid;
            }

            var password = await users.AddPasswordAsync(user, command.Password);
            if (!password.Succeeded)
            {
                return password.ToError();
            }

            invitation.Accept(now);
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            staff.Record(user.Id, StaffChangeKind.Joined, await staff.RolesOfAsync(user), null);
            return new Response(user.Email!, await steps.SignedInAsync(user, command.Address));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/invitations/accept", async Task<Results<Ok<Response>, ProblemHttpResult>> (Request request, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(request.Code, request.Password, context.Connection.RemoteIpAddress?.ToString()), cancellationToken)).ToOk())
            .WithName("AcceptInvitation")
            .WithSummary("Set the password of an invited staff account with the code from its invitation; then log in and turn on two-step sign-in.");
}
