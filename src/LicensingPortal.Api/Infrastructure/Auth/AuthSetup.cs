using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
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
    public const string ReportLimit = "report";
    public const string ReportCheckLimit = "report-check";

    /// <summary>The default scheme: a bearer token checked against its session, or the sign-in cookie.</summary>
    public const string CheckedScheme = "Checked";

    public static IServiceCollection AddLicensingAuth(this IServiceCollection services, bool sharedLimits)
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
            .AddClaimsPrincipalFactory<LicensingClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddUserManager<ApplicantUserManager>()
            .AddEntityFrameworkStores<LicensingDbContext>();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            options.BearerTokenExpiration = TimeSpan.FromHours(1);
            options.RefreshTokenExpiration = TimeSpan.FromDays(14);
        });
        services.AddScoped<Sessions>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, EnrolmentRequiredHandler>();
        // Whatever reads the caller without naming a scheme (the jobs dashboard, the pages' layout) reads it checked too:
        // a bearer token through the server's session check, otherwise the cookie (checked on every request below).
        services.AddAuthentication(CheckedScheme)
            .AddScheme<AuthenticationSchemeOptions, CheckedBearerHandler>(CheckedBearerHandler.Name, null)
            .AddPolicyScheme(CheckedScheme, CheckedScheme, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? CheckedBearerHandler.Name
                    : IdentityConstants.ApplicationScheme);
        services.AddDataProtection().SetApplicationName("LicensingPortal").PersistKeysToDbContext<LicensingDbContext>();

        // The pages sign in with Identity's cookie: never sent over plain HTTP (browsers treat localhost as secure),
        // out of reach of scripts, and not sent on cross-site posts. An expired sign-in returns to the same page.
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".LicensingPortal.Masuk";
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/akun/masuk";
            options.LogoutPath = "/akun/keluar";
            options.AccessDeniedPath = "/kesalahan/403";
            options.ReturnUrlParameter = "ReturnUrl";
            // Every request's cookie is checked against its session on the server (signed out, idle or too old for
            // staff, account deactivated, security stamp changed), in place of Identity's periodic stamp check.
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is null || !await context.HttpContext.RequestServices.GetRequiredService<Sessions>().StandsAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
            options.Events.OnRedirectToLogin = async context =>
            {
                await Web.PendingAnswers.KeepAsync(context.HttpContext);
                context.Response.Redirect(context.RedirectUri);
            };
        });
        // The anti-forgery cookie follows the request (ASP.NET refuses an always-secure one over plain HTTP, which
        // `dotnet run` serves): under HTTPS, as in production, it is Secure too.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".LicensingPortal.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // The API accepts bearer tokens only, so a browser's cookie can never make a cross-site request count; the
        // pages accept the sign-in cookie only.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ApplicantPages, policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Applicant))
            .AddPolicy(Policies.OfficerPages, policy => Staff(policy, IdentityConstants.ApplicationScheme, Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.ReportPages, policy => Staff(policy, IdentityConstants.ApplicationScheme, Roles.Mayor, Roles.Admin))
            .AddPolicy(Policies.AppealPages, policy => Staff(policy, IdentityConstants.ApplicationScheme, Roles.Mayor))
            .AddPolicy(Policies.AdminPages, policy => Staff(policy, IdentityConstants.ApplicationScheme, Roles.Admin))
            .AddPolicy(Policies.InspectorPages, policy => Staff(policy, IdentityConstants.ApplicationScheme, Roles.Inspector))
            .AddPolicy(Policies.AccountPages, policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Account, policy => policy.AddAuthenticationSchemes(CheckedBearerHandler.Name).RequireAuthenticatedUser())
            .AddPolicy(Policies.Applicant, policy => policy.AddAuthenticationSchemes(CheckedBearerHandler.Name).RequireRole(Roles.Applicant))
            .AddPolicy(Policies.Officer, policy => Staff(policy, CheckedBearerHandler.Name, Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Reports, policy => Staff(policy, CheckedBearerHandler.Name, Roles.Mayor, Roles.Admin))
            .AddPolicy(Policies.Appeals, policy => Staff(policy, CheckedBearerHandler.Name, Roles.Mayor))
            .AddPolicy(Policies.Admin, policy => Staff(policy, CheckedBearerHandler.Name, Roles.Admin))
            .AddPolicy(Policies.Inspector, policy => Staff(policy, CheckedBearerHandler.Name, Roles.Inspector));

        // One counter per limit for the API and the pages alike: posting a form counts as calling the API. Reading a
        // page (GET) never counts against the account's limits; the public reads have their own.
        services.AddRateLimiter(options =>
        {
            // On PostgreSQL every node counts in the same rows (SharedWindowLimiter); the embedded default is one process.
            options.AddPolicy(AuthLimit, context => Writes(context, Limit(context, AuthLimit, context.Connection.RemoteIpAddress?.ToString() ?? "local", limits => limits.AuthPermitLimit, sharedLimits)));
            options.AddPolicy(SubmissionLimit, context => Writes(context, Limit(context, SubmissionLimit, Caller(context), limits => limits.SubmissionPermitLimit, sharedLimits)));
            options.AddPolicy(PrecheckLimit, context => Writes(context, Limit(context, PrecheckLimit, Caller(context), limits => limits.PrecheckPermitLimit, sharedLimits)));
            // Per process, in memory: an anonymous reporter's address is never written down (ADR 0028). Reports, and the
            // checks of and additions to them, count apart, so following a report never uses up the chance to report.
            options.AddPolicy(ReportLimit, context => Writes(context, ReportWindow(context, ReportLimit)));
            options.AddPolicy(ReportCheckLimit, context => Writes(context, ReportWindow(context, ReportCheckLimit)));
            options.AddPolicy(PublicLimit, context => Limit(context, PublicLimit, context.Connection.RemoteIpAddress?.ToString() ?? "local", limits => limits.PublicPermitLimit, shared: false));
            options.OnRejected = async (context, cancellationToken) =>
            {
                Telemetry.PortalTelemetry.RateLimited(context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName ?? "unknown");
                if (!PageRoutes.IsApi(context.HttpContext))
                {
                    // A page: the status code page explains, in the reader's language, and says to wait.
                    context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    return;
                }

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

    /// <summary>A staff policy: one of the roles, and signed in with a second factor (see <see cref="EnrolmentRequiredHandler"/>).</summary>
    private static void Staff(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, string scheme, params string[] roles) =>
        policy.AddAuthenticationSchemes(scheme).RequireRole(roles).RequireClaim(Sessions.TwoFactorClaim);

    private static string Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.UserId().ToString() : context.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static RateLimitPartition<string> Writes(HttpContext context, RateLimitPartition<string> limited) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? RateLimitPartition.GetNoLimiter("read") : limited;

    /// <summary>
    /// One counter per limit and caller. The public statistics limit stays per node: those reads are cached and
    /// counting them in the database would cost more than the reads it guards.
    /// </summary>
    private static RateLimitPartition<string> Limit(HttpContext context, string limit, string caller, Func<RateLimitOptions, int> permits, bool shared)
    {
        var services = context.RequestServices;
        if (!shared || !services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Shared)
        {
            return RateLimitPartition.GetFixedWindowLimiter(limit + ":" + caller, _ => Window(context, permits));
        }

        return RateLimitPartition.Get(limit + ":" + caller, key =>
        {
            var limits = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return new SharedWindowLimiter(key, permits(limits), TimeSpan.FromSeconds(limits.WindowSeconds), services.GetRequiredService<IHttpContextAccessor>(), services.GetRequiredService<TimeProvider>());
        });
    }

    private static RateLimitPartition<string> ReportWindow(HttpContext context, string limit) =>
        RateLimitPartition.GetFixedWindowLimiter(limit + ":" + Caller(context), _ =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return new FixedWindowRateLimiterOptions { PermitLimit = limits.ReportPermitLimit, Window = TimeSpan.FromSeconds(limits.ReportWindowSeconds), QueueLimit = 0 };
        });

    private static FixedWindowRateLimiterOptions Window(HttpContext context, Func<RateLimitOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return new FixedWindowRateLimiterOptions { PermitLimit = permits(limits), Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 };
    }
}
