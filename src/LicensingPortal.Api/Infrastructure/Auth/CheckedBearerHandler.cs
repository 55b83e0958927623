using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// The API's scheme: Identity's bearer token, and then the server's say (<see cref="Sessions.StandsAsync"/>), so that a
/// token issued before its account was deactivated, signed out or given a new password answers 401 at once, and not
/// only when the token expires.
/// </summary>
public sealed class CheckedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Bearer.Checked";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var bearer = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!bearer.Succeeded)
        {
            return bearer.None ? AuthenticateResult.NoResult() : bearer;
        }

        var sessions = Context.RequestServices.GetRequiredService<Sessions>();
        return await sessions.StandsAsync(bearer.Principal, Context.RequestAborted)
            ? AuthenticateResult.Success(new AuthenticationTicket(bearer.Principal, bearer.Properties, Name))
            : AuthenticateResult.Fail("The sign-in has ended.");
    }
}
