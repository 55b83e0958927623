using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Checks an e-mail address and password (and, for an account with two-step sign-in, the code from its authenticator
/// app or a recovery code) and gives the account's identity: the API turns it into a bearer token, the pages into a
/// sign-in cookie. Five wrong passwords or codes lock the account for 15 minutes; an unconfirmed address or a
/// deactivated account cannot sign in. Every refusal of the password answers alike (wrong password, unknown address,
/// locked, unconfirmed, deactivated), and an unknown address costs a password hash too, so the answer says nothing
/// about which accounts exist. Every sign-in of a staff account is kept, with the address it came from.
/// </summary>
public static class LogIn
{
    /// <summary>The API's body; the code fields are named as ASP.NET Core Identity's own endpoints name them.</summary>
    public sealed record Request(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

    public sealed record Command(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null, string? Address = null)
        : ICommand<Result<Outcome>>;

    /// <summary>Signed in, or (the password being right) the account that still has to give its second factor.</summary>
    public sealed record Outcome(ClaimsPrincipal? SignedIn, Guid? CodeNeededFor);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254);
            RuleFor(c => c.Password).NotEmpty().WithMessage(_ => Texts.Get("Validation.Password")).MaximumLength(200);
            RuleFor(c => c.TwoFactorCode).MaximumLength(20);
            RuleFor(c => c.TwoFactorRecoveryCode).MaximumLength(40);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SignInSteps steps) : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is null)
            {
                users.PasswordHasher.HashPassword(Nobody, command.Password);
                Infrastructure.Telemetry.PortalTelemetry.SignInRefused("unknown-account");
                return SignInSteps.Refused;
            }

            var checkedPassword = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
            if (!checkedPassword.Succeeded || !user.IsActive)
            {
                var outcome = !user.IsActive ? SignInOutcome.Deactivated : checkedPassword.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.WrongPassword;
                await steps.NoteAsync(user, command.Address, outcome);
                Infrastructure.Telemetry.PortalTelemetry.SignInRefused(outcome.ToString());
                return SignInSteps.Refused;
            }

            if (!user.TwoFactorEnabled)
            {
                return new Outcome(await steps.SignedInAsync(user, command.Address), null);
            }

            if (string.IsNullOrWhiteSpace(command.TwoFactorCode) && string.IsNullOrWhiteSpace(command.TwoFactorRecoveryCode))
            {
                await steps.NoteAsync(user, command.Address, SignInOutcome.CodeNeeded);
                return new Outcome(null, user.Id);
            }

            var signedIn = await steps.CodeAsync(user, command.TwoFactorCode, command.TwoFactorRecoveryCode, command.Address);
            return signedIn.Succeeded ? new Outcome(signedIn.Value, null) : signedIn.Error!;
        }

        private static readonly ApplicationUser Nobody = new();
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/login", async Task<Results<SignInHttpResult, ProblemHttpResult>> (Request request, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(request.Email, request.Password, request.TwoFactorCode, request.TwoFactorRecoveryCode, context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
                if (!result.Succeeded)
                {
                    return result.Error!.ToProblem();
                }

                return result.Value.SignedIn is { } principal
                    ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
                    : new Error(ErrorCodes.TwoFactorRequired, StatusCodes.Status401Unauthorized, "Two-step sign-in code needed.", "Send the log-in again with twoFactorCode (the 6 digits the authenticator app shows) or twoFactorRecoveryCode.").ToProblem();
            })
            .WithName("LogIn")
            .WithSummary("Log in with e-mail and password (and twoFactorCode or twoFactorRecoveryCode for an account with two-step sign-in) for a bearer token (an hour) and a refresh token (14 days).")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>();
}
