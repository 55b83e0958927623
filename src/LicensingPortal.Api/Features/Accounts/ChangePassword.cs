using System.Security.Claims;
using System.Text.Json.Serialization;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// A signed-in account changes its password with the current one. Every other sign-in of the account ends (the
/// security stamp changes: a helper or an internet café that once had the password is out); the pages continue the
/// current one, an API client logs in again. An e-mail tells the account's address, so a change nobody asked for is
/// noticed. A wrong current password counts towards the lockout like a wrong one at sign-in, so a stolen session
/// cannot guess it (five wrong ones lock the account and end the session they came from).
/// </summary>
public static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    /// <summary><paramref name="KeepThisSignIn"/>: a page goes on with a fresh cookie; an API client's token stops with the others.</summary>
    public sealed record Command(ClaimsPrincipal Account, string CurrentPassword, string NewPassword, bool KeepThisSignIn) : ICommand<Result<Response>>;

    /// <summary>Nothing for the API; the pages get the account's sign-in made afresh (never serialised).</summary>
    public sealed record Response([property: JsonIgnore] ClaimsPrincipal SignedIn);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(_ => Texts.Get("Validation.CurrentPassword")).MaximumLength(200);
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => Texts.Get("Validation.Password")).MaximumLength(200)
                .NotEqual(c => c.CurrentPassword, StringComparer.Ordinal).WithMessage(_ => Texts.Get("Validation.PasswordUnchanged"));
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Sessions sessions, AccountMail mail) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.Account.UserId().ToString());
            if (user is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The account was not found.");
            }

            if (await users.IsLockedOutAsync(user))
            {
                return CurrentPassword.Locked;
            }

            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // Five in a row lock the account, and end this sign-in: a stolen session does not go on guessing.
                return await CurrentPassword.WrongAsync(users, sessions, user, command.Account, cancellationToken);
            }

            if (changed.Errors.Any() && changed.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
            {
                // The new password breaks a rule of the password policy: its messages belong to the new password.
                var messages = changed.Errors.Select(e => e.Description).ToArray();
                return new Error(ErrorCodes.ValidationFailed, StatusCodes.Status400BadRequest, Error.InvalidTitle, string.Join(" ", messages),
                    new Dictionary<string, string[]> { ["newPassword"] = messages });
            }

            if (!changed.Succeeded)
            {
                return changed.ToError();
            }

            await users.ResetAccessFailedCountAsync(user);
            // The new security stamp already stops the other sign-ins (and an API client's own); their rows say so too.
            await sessions.EndOnNewStampAsync(command.Account, command.KeepThisSignIn, cancellationToken);

            mail.SendPasswordChanged(user);
            return new Response(Sessions.Continue(await signIn.CreateUserPrincipalAsync(user), command.Account));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/manage/password", async Task<Results<NoContent, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(user, request.CurrentPassword, request.NewPassword, KeepThisSignIn: false), cancellationToken);
                if (result.Error?.Code == ErrorCodes.TooManyWrongPasswords)
                {
                    // At most the lockout's length: retrying sooner answers the same.
                    var lockout = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Lockout.DefaultLockoutTimeSpan;
                    http.Response.Headers.RetryAfter = ((int)lockout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
            })
            .WithName("ChangePassword")
            .WithSummary("Change the password with the current one; every sign-in of the account ends, this one too: log in again with the new password.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
