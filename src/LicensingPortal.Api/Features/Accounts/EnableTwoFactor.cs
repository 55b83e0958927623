using System.Security.Claims;
using System.Text.Json.Serialization;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Turns two-step sign-in on with a code the authenticator app shows for the account's key, and gives ten recovery
/// codes, shown this once (each works once, for a lost phone). Turning it on ends the account's other sign-ins; the
/// pages continue the current one, and an API client logs in again with <c>twoFactorCode</c>.
/// </summary>
public static class EnableTwoFactor
{
    public sealed record Request(string Code);

    /// <summary><paramref name="KeepThisSignIn"/>: a page goes on with a fresh cookie; an API client's token stops with the others.</summary>
    public sealed record Command(ClaimsPrincipal Account, string Code, bool KeepThisSignIn) : ICommand<Result<Response>>;

    /// <summary>The recovery codes; the pages also get the account's sign-in made afresh (never serialised).</summary>
    public sealed record Response(IReadOnlyList<string> RecoveryCodes, [property: JsonIgnore] ClaimsPrincipal SignedIn);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Code).Must(code => TwoFactor.Digits(code).Length == 6).WithMessage(_ => Texts.Get("Validation.TwoFactorCode")).MaximumLength(20);
    }

    public sealed class Handler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Sessions sessions) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.Account.UserId().ToString());
            if (user is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The account was not found.");
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactor.Digits(command.Code)))
            {
                return new Error(ErrorCodes.TwoFactorCodeInvalid, StatusCodes.Status400BadRequest, Error.InvalidTitle, Texts.Get("Validation.TwoFactorCodeWrong"),
                    new Dictionary<string, string[]> { ["code"] = [Texts.Get("Validation.TwoFactorCodeWrong")] });
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            // The new security stamp stops the other sign-ins (and an API client's own); their rows say so too.
            await sessions.EndOnNewStampAsync(command.Account, command.KeepThisSignIn, cancellationToken);

            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount);
            var fresh = Sessions.Continue(await signIn.CreateUserPrincipalAsync(user), command.Account);
            return new Response([.. codes ?? []], fresh);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/two-factor/enable", async Task<Results<Ok<Response>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user, request.Code, KeepThisSignIn: false), cancellationToken)).ToOk())
            .WithName("EnableTwoFactor")
            .WithSummary("Turn two-step sign-in on with a code from the authenticator app; the answer holds ten recovery codes, shown once. Log in again afterwards.");
}
