using System.Net;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Hosting;

/// <summary>The Hangfire dashboard: Admins and (read-only) Officers through the app's own sign-in, nobody else.</summary>
public abstract class DashboardTests(Portal portal)
{
    [Fact]
    public async Task Dashboard_WithoutSignIn_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Client.GetAsync("/hangfire")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Applicant, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Mayor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Officer, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task Dashboard_IsOpenToAdminsAndOfficersOnly(string role, HttpStatusCode expected)
    {
        using var account = role == Roles.Applicant ? await portal.ApplicantAsync() : await portal.StaffAsync(role);

        var response = await account.Client.GetAsync("/hangfire");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ForAnOfficer_IsReadOnly()
    {
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var admin = await portal.StaffAsync(Roles.Admin);

        var asOfficer = await officer.Client.GetStringAsync("/hangfire/recurring");
        var asAdmin = await admin.Client.GetStringAsync("/hangfire/recurring");

        Assert.Contains("outbox-sweep", asOfficer, StringComparison.Ordinal);
        Assert.DoesNotContain("js-jobs-list-command", asOfficer, StringComparison.Ordinal);
        Assert.Contains("js-jobs-list-command", asAdmin, StringComparison.Ordinal);
    }
}

public sealed class DashboardTestsOnSqlite(SqlitePortal portal) : DashboardTests(portal), IClassFixture<SqlitePortal>;

public sealed class DashboardTestsOnPostgres(PostgresPortal portal) : DashboardTests(portal), IClassFixture<PostgresPortal>;
