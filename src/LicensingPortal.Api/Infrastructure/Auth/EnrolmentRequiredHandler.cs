using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// A staff account without a second factor is refused every staff page and endpoint. Instead of a bare 403, a page
/// sends it to the enrolment page, and the API answers <c>two_factor_enrolment_required</c> saying what to do.
/// </summary>
public sealed class EnrolmentRequiredHandler : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The page where an account turns its second factor on.</summary>
    public const string EnrolmentPath = "/akun/dua-langkah";

    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var user = context.User;
        if (authorizeResult.Forbidden && Roles.IsStaff(user) && !user.HasClaim(c => c.Type == Sessions.TwoFactorClaim))
        {
            if (!PageRoutes.IsApi(context))
            {
                context.Response.Redirect($"{EnrolmentPath}?ReturnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Turn on two-step sign-in first.",
                    Detail = "Staff accounts need a second factor: GET /api/auth/two-factor for the key, POST /api/auth/two-factor/enable with a code from the authenticator app, then log in again with twoFactorCode.",
                    Extensions = { ["errorCode"] = ErrorCodes.TwoFactorEnrolmentRequired },
                },
            });
            return;
        }

        await standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
