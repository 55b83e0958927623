using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An applicant asks to change the account's e-mail address, with the current password: an owner whose account a
/// broker or a relative opened with their own address, or whose old mailbox is lost, takes the account back without
/// going to the office. Nothing changes yet: a link goes to the new address (only its owner can open it,
/// <see cref="ConfirmEmailChange"/>), and a notice to the account's address says how to stop a change its owner did not
/// ask for (a new password makes the link useless: it is bound to the account's security stamp). Staff addresses are
/// the office's, set when invited.
/// </summary>
public static class ChangeEmail
{
    public sealed record Request(string NewEmail, string CurrentPassword);

    public sealed record Command(ClaimsPrincipal Account, string NewEmail, string CurrentPassword) : ICommand<Result<Response>>;

    /// <summary>Where the link went.</summary>
    public sealed record Response(string SentTo);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewEmail).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254).EmailAddress().WithMessage(_ => Texts.Get("Validation.Email"));
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(_ => Texts.Get("Validation.CurrentPassword")).MaximumLength(200);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, Sessions sessions, AccountMail mail) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.Account.UserId().ToString());
            if (user is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The account was not found.");
            }

            if (Roles.IsStaff(command.Account))
            {
                return new Error(ErrorCodes.Forbidden, StatusCodes.Status403Forbidden, "A staff account's address is the office's, set when it was invited.");
            }

            if (await users.IsLockedOutAsync(user))
            {
                return CurrentPassword.Locked;
            }

            if (!await users.CheckPasswordAsync(user, command.CurrentPassword))
            {
                return await CurrentPassword.WrongAsync(users, sessions, user, command.Account, cancellationToken);
            }

            await users.ResetAccessFailedCountAsync(user);
            var newEmail = command.NewEmail.Trim();
            if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
            {
                return Error.Invalid("newEmail", Texts.Get("Validation.EmailUnchanged"));
            }

            // Whether another account has the address is said only to whoever opens the link (its owner): asking here
            // does not tell anyone which addresses have accounts.
            await mail.SendEmailChangeAsync(user, newEmail);
            return new Response(newEmail);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/manage/email", async Task<Results<Accepted<Response>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(user, request.NewEmail, request.CurrentPassword), cancellationToken);
                return result.Succeeded ? TypedResults.Accepted((string?)null, result.Value) : result.Error!.ToProblem();
            })
            .WithName("ChangeEmail")
            .WithSummary("Ask to change the account's e-mail address, with the current password (applicants): a link goes to the new address and a notice to the current one; nothing changes until the link is opened (POST /api/auth/confirmEmailChange).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
