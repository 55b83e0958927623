using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>Accounts (ASP.NET Core Identity with bearer tokens), roles, policies and rate limits.</summary>
public static class AuthSetup
{
    public const string AuthLimit = "auth";
    public const string SubmissionLimit = "submission";
    public const string PrecheckLimit = "precheck";
    public const string PublicLimit = "public";

    public static IServiceCollection AddLicensingAuth(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddUserManager<ApplicantUserManager>()
            .AddEntityFrameworkStores<LicensingDbContext>();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            options.BearerTokenExpiration = TimeSpan.FromHours(1);
            options.RefreshTokenExpiration = TimeSpan.FromDays(14);
        });
        services.AddDataProtection().SetApplicationName("LicensingPortal").PersistKeysToDbContext<LicensingDbContext>();

        // The API accepts bearer tokens only, so a browser's cookie can never make a cross-site request count.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Account, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Applicant, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Applicant))
            .AddPolicy(Policies.Officer, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Reports, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Mayor, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Admin))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(AuthLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => Window(context, limits => limits.AuthPermitLimit)));
            options.AddPolicy(SubmissionLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true ? context.User.UserId().ToString() : context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => Window(context, limits => limits.SubmissionPermitLimit)));
            options.AddPolicy(PrecheckLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true ? context.User.UserId().ToString() : context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => Window(context, limits => limits.PrecheckPermitLimit)));
            options.AddPolicy(PublicLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => Window(context, limits => limits.PublicPermitLimit)));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limits.WindowSeconds);
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests; try again later.",
                        Extensions = { ["errorCode"] = ErrorCodes.RateLimited },
                    },
                });
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(HttpContext context, Func<RateLimitOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return new FixedWindowRateLimiterOptions { PermitLimit = permits(limits), Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 };
    }
}
