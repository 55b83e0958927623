using System.Security.Claims;

namespace LicensingPortal.Api.Infrastructure.Auth;

public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Officer = "Officer";
    public const string Mayor = "Mayor";
    public const string Admin = "Admin";

    /// <summary>The city's inspectorate (Inspektorat): reads and answers reports of demands for money, and nothing else.</summary>
    public const string Inspector = "Inspector";

    public static IReadOnlyList<string> All { get; } = [Applicant, Officer, Mayor, Admin, Inspector];

    /// <summary>The roles an administrator gives (never by registration).</summary>
    public static IReadOnlyList<string> Staff { get; } = [Officer, Mayor, Admin, Inspector];

    public static bool IsStaffRole(string role) => Staff.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether the account holds a staff role (and so needs a second factor and has the staff session limits).</summary>
    public static bool IsStaff(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Staff.Any(user.IsInRole);
    }

    /// <summary>Where an account's pages start, by its role.</summary>
    public static string HomeOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Applicant) ? "/pemohon" : user.IsInRole(Admin) ? "/admin" : user.IsInRole(Mayor) ? "/walikota" : user.IsInRole(Officer) ? "/petugas" : user.IsInRole(Inspector) ? "/inspektorat" : "/";
    }
}

/// <summary>The authorization policies; every endpoint names one (or is explicitly public).</summary>
public static class Policies
{
    /// <summary>The applicant's pages (signed in with the cookie).</summary>
    public const string ApplicantPages = "applicant-pages";

    /// <summary>The officers' audit pages (officers and administrators, signed in with the cookie).</summary>
    public const string OfficerPages = "officer-pages";

    /// <summary>The mayor's office's dashboard (the mayor's office and administrators, signed in with the cookie).</summary>
    public const string ReportPages = "report-pages";

    /// <summary>The mayor's office's appeals (the mayor's office only, signed in with the cookie): administrators keep the system, they do not answer for the mayor.</summary>
    public const string AppealPages = "appeal-pages";

    /// <summary>The administrators' pages (signed in with the cookie).</summary>
    public const string AdminPages = "admin-pages";

    /// <summary>The inspectorate's pages: reports of demands for money (the inspectorate only, signed in with the cookie).</summary>
    public const string InspectorPages = "inspector-pages";

    /// <summary>Any account signed in with the cookie, whatever its role (its own account's pages: the second factor).</summary>
    public const string AccountPages = "account-pages";

    /// <summary>Any signed-in account, whatever its role.</summary>
    public const string Account = "account";
    public const string Applicant = "applicant";
    public const string Officer = "officer";
    public const string Reports = "reports";

    /// <summary>Appeals to the mayor: the mayor's office only.</summary>
    public const string Appeals = "appeals";
    public const string Admin = "admin";
    public const string Inspector = "inspector";
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
