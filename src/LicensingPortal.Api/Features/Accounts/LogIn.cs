using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Checks an e-mail address and password and gives the account's identity: the API turns it into a bearer token,
/// the pages into a sign-in cookie. Five wrong passwords lock the account for 15 minutes; an unconfirmed address
/// cannot sign in. Every refusal answers alike (wrong password, unknown address, locked, unconfirmed), and an
/// unknown address costs a password hash too, so the answer says nothing about which accounts exist.
/// </summary>
public static class LogIn
{
    public sealed record Request(string Email, string Password);

    public sealed record Command(string Email, string Password) : ICommand<Result<ClaimsPrincipal>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254);
            RuleFor(c => c.Password).NotEmpty().WithMessage(_ => Texts.Get("Validation.Password")).MaximumLength(200);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : ICommandHandler<Command, Result<ClaimsPrincipal>>
    {
        public async ValueTask<Result<ClaimsPrincipal>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is null)
            {
                users.PasswordHasher.HashPassword(Nobody, command.Password);
                return Refused;
            }

            var checkedPassword = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
            return checkedPassword.Succeeded ? await signIn.CreateUserPrincipalAsync(user) : Refused;
        }

        private static readonly ApplicationUser Nobody = new();

        private static Error Refused =>
            new(ErrorCodes.Unauthorized, StatusCodes.Status401Unauthorized, "Unauthorized", "The e-mail address or password is wrong, the address is not confirmed, or the account is locked.");
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/login", async Task<Results<SignInHttpResult, ProblemHttpResult>> (Request request, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(request.Email, request.Password), cancellationToken);
                return result.Succeeded ? TypedResults.SignIn(result.Value, authenticationScheme: IdentityConstants.BearerScheme) : result.Error!.ToProblem();
            })
            .WithName("LogIn")
            .WithSummary("Log in with e-mail and password for a bearer token (an hour) and a refresh token (14 days).")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>();
}
