using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>Exchanges a refresh token for a new bearer token of the same session, while the session stands and the account is still as it was when the token was issued.</summary>
public static class RefreshToken
{
    public sealed record Request(string RefreshToken);

    public sealed record Query(string RefreshToken) : IQuery<Result<ClaimsPrincipal>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.RefreshToken).NotEmpty().MaximumLength(8000);
    }

    public sealed class Handler(IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<ApplicationUser> signIn, Sessions sessions, TimeProvider time) : IQueryHandler<Query, Result<ClaimsPrincipal>>
    {
        public async ValueTask<Result<ClaimsPrincipal>> Handle(Query query, CancellationToken cancellationToken)
        {
            var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(query.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                || !await sessions.StandsAsync(ticket.Principal, cancellationToken)
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            {
                return new Error(ErrorCodes.Unauthorized, StatusCodes.Status401Unauthorized, "Unauthorized", "The refresh token is not valid.");
            }

            return Sessions.Continue(await signIn.CreateUserPrincipalAsync(user), ticket.Principal);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (Request request, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(request.RefreshToken), cancellationToken);
                return result.Succeeded ? TypedResults.SignIn(result.Value, authenticationScheme: IdentityConstants.BearerScheme) : result.Error!.ToProblem();
            })
            .WithName("RefreshToken")
            .WithSummary("Exchange a refresh token for a new bearer token.")
            .Produces<AccessTokenResponse>();
}
