using System.Globalization;
using System.Threading.RateLimiting;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace LicensingPortal.Api.Infrastructure.Auth;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Register, log-in, refresh and password requests per client address and window.</summary>
    public int AuthPermitLimit { get; set; } = 10;

    /// <summary>Applications submitted per account and window.</summary>
    public int SubmissionPermitLimit { get; set; } = 20;

    /// <summary>Public statistics requests per client address and window.</summary>
    public int PublicPermitLimit { get; set; } = 120;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Accounts (ASP.NET Core Identity with bearer tokens), roles, policies and rate limits.</summary>
public static class AuthSetup
{
    public const string AuthLimit = "auth";
    public const string SubmissionLimit = "submission";
    public const string PublicLimit = "public";

    public static IServiceCollection AddLicensingAuth(this IServiceCollection services, IConfiguration configuration)
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
        services.AddScoped<IEmailSender<ApplicationUser>, ConfirmationEmailOutbox>();

        // The API accepts bearer tokens only, so a browser's cookie can never make a cross-site request count.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Applicant, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Applicant))
            .AddPolicy(Policies.Officer, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Reports, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Mayor, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Admin))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(AuthLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AuthPermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 }));
            options.AddPolicy(SubmissionLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true ? context.User.UserId().ToString() : context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SubmissionPermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 }));
            options.AddPolicy(PublicLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PublicPermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
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

    /// <summary>
    /// Identity's endpoints under /api/auth: register, confirmEmail, login (bearer tokens), refresh and the rest.
    /// All but /manage are public; the ones that take credentials are rate-limited.
    /// </summary>
    public static void MapLicensingAuth(this IEndpointRouteBuilder routes)
    {
        var limited = new[] { "/register", "/login", "/refresh", "/resendConfirmationEmail", "/forgotPassword", "/resetPassword" };
        routes.MapGroup("/api/auth").WithTags("Accounts").MapIdentityApi<ApplicationUser>().Add(endpoint =>
        {
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? string.Empty;
            if (!pattern.Contains("/manage", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }

            if (limited.Any(path => pattern.EndsWith(path, StringComparison.Ordinal)))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(AuthLimit));
            }
        });
    }
}
