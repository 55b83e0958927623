using System.Security.Claims;

namespace LicensingPortal.Api.Infrastructure.Auth;

public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Officer = "Officer";
    public const string Mayor = "Mayor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Applicant, Officer, Mayor, Admin];
}

/// <summary>The authorization policies; every endpoint names one (or is explicitly public).</summary>
public static class Policies
{
    /// <summary>The applicant's pages (signed in with the cookie).</summary>
    public const string ApplicantPages = "applicant-pages";

    /// <summary>Any signed-in account, whatever its role.</summary>
    public const string Account = "account";
    public const string Applicant = "applicant";
    public const string Officer = "officer";
    public const string Reports = "reports";
    public const string Admin = "admin";
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The account id of an authenticated caller.</summary>
    public static Guid UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not authenticated."));
    }
}
