using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Identity;

/// <summary>
/// Staff accounts the city runs: an invitation from the e-mail pickup folder to a password, two-step sign-in with a
/// real TOTP code, recovery codes that work once, deactivation cutting what was issued, the last administrator kept,
/// sessions ending on the server (signed out, idle, too old) on a fake clock, and every change kept and logged.
/// </summary>
public abstract partial class StaffAccountTests(Portal portal)
{
    [Fact]
    public async Task Invitation_FromThePickupFolder_ToAPassword_ThenTwoStepSignIn_WithRecoveryCodesOnce()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        var email = $"petugas-{Guid.NewGuid():N}@kupangkota.go.id";
        var invited = await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email, roles = new[] { Roles.Officer }, language = "id" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var member = await invited.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("invited", (string)member!["status"]!);

        // Nobody can sign in to it, or register its address, before the person sets a password.
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email, password = "apa-saja-12345" }), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.NotEqual(HttpStatusCode.OK, (await portal.Client.PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).StatusCode);

        var code = await InvitationCodeAsync(email);
        using var person = portal.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await person.PostAsJsonAsync("/api/auth/invitations/accept", new { code, password = Accounts.Password })).StatusCode);
        await Problems.AssertAsync(await person.PostAsJsonAsync("/api/auth/invitations/accept", new { code, password = Accounts.Password }), HttpStatusCode.BadRequest, "invitation_invalid");

        // Signed in with the password alone, the officer reaches no staff endpoint before enrolling.
        person.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(person, email, Accounts.Password));
        await Problems.AssertAsync(await person.GetAsync("/api/audit/decisions"), HttpStatusCode.Forbidden, "two_factor_enrolment_required");
        var key = ((string)(await person.GetFromJsonAsync<JsonObject>("/api/auth/two-factor"))!["sharedKey"]!).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await Problems.AssertAsync(await person.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = "000000" == Accounts.CodeFor(key) ? "111111" : "000000" }), HttpStatusCode.BadRequest, "two_factor_code_invalid");
        var enabled = await (await person.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = Accounts.CodeFor(key) })).Content.ReadFromJsonAsync<JsonObject>();
        var recovery = enabled!["recoveryCodes"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal(10, recovery.Distinct().Count());

        // From now on the password alone is not enough; a wrong code counts; the right one, or a recovery code once, is.
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.Password }), HttpStatusCode.Unauthorized, "two_factor_required");
        var wrong = Accounts.CodeFor(key) == "123456" ? "654321" : "123456";
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.Password, twoFactorCode = wrong }), HttpStatusCode.Unauthorized, "two_factor_code_invalid");
        person.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(person, email, Accounts.Password, key));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/audit/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.Password, twoFactorRecoveryCode = recovery[0] })).StatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.Password, twoFactorRecoveryCode = recovery[0] }), HttpStatusCode.Unauthorized, "two_factor_code_invalid");
        await Problems.AssertAsync(await person.PostAsync("/api/auth/two-factor/disable", null), HttpStatusCode.Conflict, "two_factor_kept_for_staff");

        // Administrators read who was invited and joined, and every sign-in with its outcome and address.
        var changes = await admin.Client.GetFromJsonAsync<JsonArray>("/api/admin/staff/changes");
        var mine = changes!.Where(c => (string)c!["email"]! == email).Select(c => (string)c!["kind"]!).ToList();
        Assert.Equal(["joined", "invited"], mine);
        Assert.Equal(admin.Email, (string)changes!.First(c => (string)c!["email"]! == email && (string)c["kind"]! == "invited")!["byEmail"]!);
        var signIns = await admin.Client.GetFromJsonAsync<JsonArray>($"/api/admin/staff/sign-ins?accountId={(string)member["id"]!}");
        var outcomes = signIns!.Select(s => (string)s!["outcome"]!).ToList();
        Assert.Contains("code_needed", outcomes);
        Assert.Contains("wrong_code", outcomes);
        Assert.Contains("succeeded", outcomes);
        Assert.All(signIns!, s => Assert.False(string.IsNullOrEmpty((string)s!["address"]!)));
        var refused = await admin.Client.GetFromJsonAsync<JsonArray>($"/api/admin/staff/sign-ins?accountId={(string)member["id"]!}&failed=true");
        // Only the refused ones: the wrong password before the invitation was accepted, the wrong codes.
        Assert.Equal(["wrong_code", "wrong_password"], refused!.Select(s => (string)s!["outcome"]!).Distinct().Order(StringComparer.Ordinal));

        // Each change is in the transparency log, and the log verifies with them.
        await portal.LogIntegratedAsync();
        var verified = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((bool)verified!["valid"]!, (string?)verified["problem"]);
    }

    [Fact]
    public async Task AnInvitation_ExpiresAfter72Hours_AndInvitingAgainVoidsTheEarlierLink()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        var email = $"walikota-{Guid.NewGuid():N}@kupangkota.go.id";
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email, roles = new[] { Roles.Mayor } })).StatusCode);
        var first = await InvitationCodeAsync(email);

        // The invitation is the only way in: no confirmation e-mail or password reset reaches an account without a password.
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.PostAsJsonAsync("/api/auth/forgotPassword", new { email })).StatusCode);
        await portal.DeliveriesSettledAsync();
        Assert.Equal(1, await MailsToAsync(email));

        await using (var later = portal.Create(time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(72).AddMinutes(1))))
        {
            using var client = later.CreateClient();
            await Problems.AssertAsync(await client.PostAsJsonAsync("/api/auth/invitations/accept", new { code = first, password = Accounts.Password }), HttpStatusCode.BadRequest, "invitation_invalid");
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email, roles = new[] { Roles.Mayor, Roles.Officer } })).StatusCode);
        var second = await InvitationCodeAsync(email, except: first);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/invitations/accept", new { code = first, password = Accounts.Password }), HttpStatusCode.BadRequest, "invitation_invalid");
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.PostAsJsonAsync("/api/auth/invitations/accept", new { code = second, password = Accounts.Password })).StatusCode);

        // Joined, the address cannot be invited again, and an applicant's own registration never gives a staff role.
        await Problems.AssertAsync(await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email, roles = new[] { Roles.Admin } }), HttpStatusCode.Conflict, "email_taken");
        using var applicant = await portal.ApplicantAsync();
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync($"/api/admin/staff/{applicant.Id}/roles", new { roles = new[] { Roles.Admin } }), HttpStatusCode.NotFound, "staff_account_not_found");
        var roles = await applicant.Client.GetFromJsonAsync<JsonObject>("/api/auth/manage/info");
        Assert.Equal([Roles.Applicant], roles!["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Deactivation_CutsTheIssuedToken_ItsRefreshToken_AndSignIn_UntilReactivated()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        using var officer = await portal.StaffAsync(Roles.Officer);
        var login = await (await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = officer.Email, password = officer.Password, twoFactorCode = officer.Code() })).Content.ReadFromJsonAsync<Accounts.Tokens>();
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);

        var deactivated = await admin.Client.PostAsync($"/api/admin/staff/{officer.Id}/deactivate", null);
        Assert.Equal("deactivated", (string)(await deactivated.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login!.RefreshToken })).StatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = officer.Email, password = officer.Password, twoFactorCode = officer.Code() }), HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync($"/api/admin/staff/{officer.Id}/reactivate", null)).StatusCode);
        officer.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(officer.Client, officer.Email, officer.Password, officer.AuthenticatorKey));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);

        // A change of roles ends the sign-ins made with the old ones.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/admin/staff/{officer.Id}/roles", new { roles = new[] { Roles.Mayor } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);
        officer.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(officer.Client, officer.Email, officer.Password, officer.AuthenticatorKey));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/reports/throughput?from=2026-01-01&to=2026-01-31")).StatusCode);
    }

    [Fact]
    public async Task ALostPhone_IsResetByAnotherAdministrator_TheOldCodeStops_AndTheNextSignInEnrolsANewPhone()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        using var officer = await portal.StaffAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);

        // Nobody lifts their own second factor: another administrator does it.
        await Problems.AssertAsync(await admin.Client.PostAsync($"/api/admin/staff/{admin.Id}/reset-two-factor", null), HttpStatusCode.BadRequest, "validation_failed");
        var reset = await admin.Client.PostAsync($"/api/admin/staff/{officer.Id}/reset-two-factor", null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False((bool)(await reset.Content.ReadFromJsonAsync<JsonObject>())!["twoFactor"]!);
        // Every sign-in of the account ends; the password alone signs in, and only to enrol a new phone.
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);
        using var newPhone = portal.Factory.CreateClient();
        newPhone.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(newPhone, officer.Email, officer.Password));
        await Problems.AssertAsync(await newPhone.GetAsync("/api/audit/decisions"), HttpStatusCode.Forbidden, "two_factor_enrolment_required");
        // The old phone's key is forgotten: enrolling shows a new one.
        var enrolment = await newPhone.GetFromJsonAsync<JsonObject>("/api/auth/two-factor");
        Assert.NotEqual(officer.AuthenticatorKey!.ToUpperInvariant(), ((string)enrolment!["sharedKey"]!).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        // Kept among the staff changes, with who did it.
        var changes = await admin.Client.GetFromJsonAsync<JsonArray>($"/api/admin/staff/changes?accountId={officer.Id}");
        Assert.Equal("two-factor-reset", (string)changes![0]!["kind"]!);
        Assert.Equal(admin.Email, (string)changes[0]!["byEmail"]!);
    }

    [Fact]
    public async Task Administrators_FindAccounts_ByPartOfTheAddress_RoleAndState_AndReadOne_WithItsOwnChanges()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        using var applicant = await Accounts.CreateAsync(portal.Factory, Roles.Applicant);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var (mayor, officer) = ($"walikota-{tag}@kupangkota.go.id", $"petugas-{tag}@kupangkota.go.id");
        var mayorId = (string)(await (await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email = mayor, roles = new[] { Roles.Mayor } })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var officerId = (string)(await (await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email = officer, roles = new[] { Roles.Officer } })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync($"/api/admin/staff/{officerId}/deactivate", null)).StatusCode);

        async Task<List<string>> FindAsync(string query) =>
            [.. (await admin.Client.GetFromJsonAsync<JsonArray>($"/api/admin/staff?{query}"))!.Select(m => (string)m!["email"]!)];

        // Part of the address, in any case; then narrowed by role and by state.
        Assert.Equal([officer, mayor], await FindAsync($"search={tag.ToUpperInvariant()}"));
        Assert.Equal([mayor], await FindAsync($"search={tag}&role={Roles.Mayor}"));
        Assert.Equal([mayor], await FindAsync($"search={tag}&status=invited"));
        Assert.Equal([officer], await FindAsync($"search={tag}&status=Deactivated"));
        Assert.Empty(await FindAsync($"search={tag}&role={Roles.Admin}"));
        Assert.Contains(admin.Email, await FindAsync(string.Empty));

        // A role or state the list does not know is refused, saying which; an applicant's account is not a staff account.
        var role = await Problems.AssertAsync(await admin.Client.GetAsync($"/api/admin/staff?role={Roles.Applicant}"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("\"role\"", role.Extensions["errors"]!.ToString(), StringComparison.Ordinal);
        var status = await Problems.AssertAsync(await admin.Client.GetAsync("/api/admin/staff?status=sleeping"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("\"status\"", status.Extensions["errors"]!.ToString(), StringComparison.Ordinal);
        await Problems.AssertAsync(await admin.Client.GetAsync($"/api/admin/staff/{applicant.Id}"), HttpStatusCode.NotFound, "staff_account_not_found");
        await Problems.AssertAsync(await admin.Client.GetAsync($"/api/admin/staff/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "staff_account_not_found");

        // One account, and its own changes, newest first.
        var one = await admin.Client.GetFromJsonAsync<JsonObject>($"/api/admin/staff/{officerId}");
        Assert.Equal(officer, (string)one!["email"]!);
        Assert.Equal("deactivated", (string)one["status"]!);
        var changes = await admin.Client.GetFromJsonAsync<JsonArray>($"/api/admin/staff/changes?accountId={officerId}");
        Assert.Equal(["deactivated", "invited"], changes!.Select(c => (string)c!["kind"]!));
        Assert.All(changes!, c => Assert.Equal(officer, (string)c!["email"]!));
        Assert.DoesNotContain(mayorId, changes!.Select(c => (string)c!["accountId"]!));
    }

    [Fact]
    public async Task TheLastActiveAdministrator_CannotBeDeactivatedOrDemoted()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        var staff = await admin.Client.GetFromJsonAsync<JsonArray>("/api/admin/staff");
        var others = staff!.Where(m => (string)m!["id"]! != admin.Id.ToString() && (string)m["status"]! == "active" && m["roles"]!.AsArray().Any(r => (string)r! == Roles.Admin))
            .Select(m => (string)m!["id"]!).ToList();
        foreach (var other in others)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync($"/api/admin/staff/{other}/deactivate", null)).StatusCode);
        }

        try
        {
            await Problems.AssertAsync(await admin.Client.PostAsync($"/api/admin/staff/{admin.Id}/deactivate", null), HttpStatusCode.Conflict, "last_administrator");
            await Problems.AssertAsync(await admin.Client.PutAsJsonAsync($"/api/admin/staff/{admin.Id}/roles", new { roles = new[] { Roles.Officer } }), HttpStatusCode.Conflict, "last_administrator");
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/admin/staff/{admin.Id}/roles", new { roles = new[] { Roles.Admin, Roles.Officer } })).StatusCode);
        }
        finally
        {
            using var again = portal.Factory.CreateClient();
            again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(again, admin.Email, admin.Password, admin.AuthenticatorKey));
            foreach (var other in others)
            {
                Assert.Equal(HttpStatusCode.OK, (await again.PostAsync($"/api/admin/staff/{other}/reactivate", null)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task StaffSessions_EndAfter30IdleMinutes_And12Hours_AndAtSignOut_OnAFakeClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = portal.Create(time: clock);
        using var officer = await Accounts.CreateAsync(host, Roles.Officer);
        using var applicant = await Accounts.CreateAsync(host, Roles.Applicant);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.GetAsync("/api/businesses")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode);

        // Active all along (a new bearer token from the refresh token each hour), a staff session still ends 12 hours after it began.
        var tokens = await (await officer.Client.PostAsJsonAsync("/api/auth/login", new { email = officer.Email, password = officer.Password, twoFactorCode = officer.Code() })).Content.ReadFromJsonAsync<Accounts.Tokens>();
        async Task<HttpStatusCode> RefreshedAsync()
        {
            var refreshed = await officer.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens!.RefreshToken });
            if (!refreshed.IsSuccessStatusCode)
            {
                return refreshed.StatusCode;
            }

            tokens = await refreshed.Content.ReadFromJsonAsync<Accounts.Tokens>();
            officer.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
            return (await officer.Client.GetAsync("/api/audit/decisions")).StatusCode;
        }

        for (var minutes = 25; minutes < 12 * 60; minutes += 25)
        {
            clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, await RefreshedAsync());
        }

        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshedAsync());

        // Signing out ends the session on the server: the same token answers 401 afterwards.
        applicant.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(applicant.Client, applicant.Email, applicant.Password));
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.Client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await applicant.Client.GetAsync("/api/businesses")).StatusCode);
    }

    /// <summary>
    /// Every sign-in is a row; the nightly sweep forgets those nobody can use again (ended or unused for 30 days), on a
    /// fake clock, and keeps a session in use through its refresh tokens, which goes on working.
    /// </summary>
    [Fact]
    public async Task Sessions_EndedOrUnusedFor30Days_AreForgottenByTheNightlySweep_ASessionInUseIsKept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = portal.Create(time: clock);
        using var applicant = await Accounts.CreateAsync(host, Roles.Applicant);
        async Task<Accounts.Tokens> LogInAsync(HttpClient client) =>
            (await (await client.PostAsJsonAsync("/api/auth/login", new { email = applicant.Email, password = applicant.Password })).Content.ReadFromJsonAsync<Accounts.Tokens>())!;
        using var inUse = host.CreateClient();
        var tokens = await LogInAsync(inUse);
        using var signedOut = host.CreateClient();
        signedOut.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await LogInAsync(signedOut)).AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await signedOut.PostAsync("/api/auth/logout", null)).StatusCode);
        using var forgottenClient = host.CreateClient();
        await LogInAsync(forgottenClient);
        async Task<int> SessionsAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().AccountSessions.CountAsync(s => s.AccountId == applicant.Id);
        }

        Assert.Equal(4, await SessionsAsync());

        // The session in use renews its bearer token within the refresh token's 14 days, twice, and is noted as used.
        foreach (var days in new[] { 13, 13 })
        {
            clock.Advance(TimeSpan.FromDays(days));
            var refreshed = await inUse.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
            Assert.True(refreshed.IsSuccessStatusCode, await refreshed.Content.ReadAsStringAsync());
            tokens = (await refreshed.Content.ReadFromJsonAsync<Accounts.Tokens>())!;
        }

        clock.Advance(TimeSpan.FromDays(5));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Api.Features.Accounts.SweepAccountSessions.Command())).Value >= 3);
        }

        // Day 31: the one signed out on day 0, the ones last used on day 0 are gone; the one used on day 26 stays and works.
        Assert.Equal(1, await SessionsAsync());
        var renewed = await inUse.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.True(renewed.IsSuccessStatusCode, await renewed.Content.ReadAsStringAsync());
        inUse.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await renewed.Content.ReadFromJsonAsync<Accounts.Tokens>())!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await inUse.GetAsync("/api/businesses")).StatusCode);
        using var connection = host.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == Api.Features.Accounts.SweepAccountSessions.RecurringJobId && j.Cron == Api.Features.Accounts.SweepAccountSessions.Cron);
    }

    [Fact]
    public async Task AnApplicant_MayTurnTwoStepSignInOn_AndOff()
    {
        using var applicant = await portal.ApplicantAsync();
        var key = ((string)(await applicant.Client.GetFromJsonAsync<JsonObject>("/api/auth/two-factor"))!["sharedKey"]!).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = Accounts.CodeFor(key) })).StatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = applicant.Email, password = applicant.Password }), HttpStatusCode.Unauthorized, "two_factor_required");
        applicant.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(applicant.Client, applicant.Email, applicant.Password, key));
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.Client.PostAsync("/api/auth/two-factor/disable", null)).StatusCode);
        Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(portal.Client, applicant.Email, applicant.Password)));
    }

    [Fact]
    public async Task AnOfficer_SeesTheWholeCase_FindsItByNameOrReference_AndOpeningADocumentIsKept()
    {
        using var applicant = await portal.ApplicantAsync();
        var name = $"=Warung Kasus {Guid.NewGuid():N}"[..24];
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name));
        var ktp = await applicant.Client.UploadAsync();
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, ktp) with { Declarations = [] });
        using var officer = await portal.StaffAsync(Roles.Officer);

        var trace = await officer.Client.GetFromJsonAsync<JsonObject>($"/api/audit/decisions/{refused.Id}");
        var file = trace!["case"]!;
        Assert.Equal(name, (string)file["businessName"]!);
        Assert.Equal(applicant.Email, (string)file["applicantEmail"]!);
        Assert.Matches(@"^LP-[0-9A-Z]{4}-[0-9A-Z]{4}$", (string)file["reference"]!);
        var nik = (string)file["ownerNik"]!;
        Assert.Equal("5371044107850003".Length, nik.Length);
        Assert.Contains("********", nik, StringComparison.Ordinal);
        Assert.DoesNotContain("5371044107850003", trace.ToJsonString(), StringComparison.Ordinal);

        // Requirements by title beside their code, the failed ones first.
        var rows = trace["rows"]!.AsArray();
        var statuses = rows.Select(r => (string)r!["status"]!).ToList();
        Assert.Equal("failed", statuses[0]);
        Assert.Equal(statuses.Count(s => s == "failed"), statuses.TakeWhile(s => s == "failed").Count());
        Assert.All(rows, r => Assert.NotEqual((string)r!["requirementId"]!, (string)r["title"]!));
        // A failed requirement carries what the applicant was told and asked to do, in the words and the language the
        // applicant read (Indonesian), though the officer reads the trace in English.
        var applicantRead = refused.Decision!.FailedRequirements.ToDictionary(f => f.Id);
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/audit/decisions/{refused.Id}") { Headers = { { "Accept-Language", "en" } } };
        var english = await (await officer.Client.SendAsync(inEnglish)).Content.ReadFromJsonAsync<JsonObject>();
        var englishRows = english!["rows"]!.AsArray();
        Assert.NotEqual((string)rows[0]!["title"]!, (string)englishRows[0]!["title"]!);
        Assert.All(englishRows.Where(r => (string)r!["status"]! == "failed"), r =>
        {
            var told = r!["told"]!;
            Assert.Equal(applicantRead[(string)r["requirementId"]!].Message, (string)told["message"]!);
            Assert.Equal(applicantRead[(string)r["requirementId"]!].Remedy, (string)told["remedy"]!);
        });
        Assert.All(englishRows.Where(r => (string)r!["status"]! != "failed"), r => Assert.Null(r!["told"]));

        // The document the engine was given opens, and the opening is kept in the officer's access history.
        var document = file["documents"]!.AsArray().Single()!;
        var opened = await officer.Client.GetAsync($"/api/audit/decisions/{refused.Id}/documents/{(string)document["id"]!}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(Builders.Pdf, await opened.Content.ReadAsByteArrayAsync());
        await Problems.AssertAsync(await officer.Client.GetAsync($"/api/audit/decisions/{refused.Id}/documents/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "document_not_found");
        var views = await officer.Client.GetFromJsonAsync<JsonArray>("/api/audit/document-views");
        var view = Assert.Single(views!);
        Assert.Equal((string)document["id"]!, (string)view!["documentId"]!);
        Assert.Equal(refused.Id.ToString(), (string)view["applicationId"]!);

        // Found by part of the business's name, by the reference as typed, by the account's e-mail as the case shows it
        // (in any case; no other account's decision), and downloaded as CSV.
        Assert.Equal(applicant.Email, (string)file["applicantEmail"]!);
        foreach (var text in new[] { name[7..20].ToUpperInvariant(), ((string)file["reference"]!).ToLowerInvariant(), applicant.Email.ToUpperInvariant() })
        {
            var found = await officer.Client.GetFromJsonAsync<JsonObject>($"/api/audit/decisions?q={Uri.EscapeDataString(text)}");
            Assert.Equal(refused.Id.ToString(), (string)found!["items"]!.AsArray().Single()!["applicationId"]!);
        }

        await Problems.AssertAsync(await officer.Client.GetAsync("/api/audit/decisions?q=ab"), HttpStatusCode.BadRequest, "validation_failed");

        // The search's choices of permit and requirement are the rule set's words, in the asker's language.
        using var termsRequest = new HttpRequestMessage(HttpMethod.Get, "/api/public/rule-terms");
        termsRequest.Headers.AcceptLanguage.ParseAdd("en-GB");
        using var termsResponse = await portal.Client.SendAsync(termsRequest);
        Assert.Equal(HttpStatusCode.OK, termsResponse.StatusCode);
        Assert.Equal("en", termsResponse.Content.Headers.ContentLanguage.Single());
        var terms = await termsResponse.Content.ReadFromJsonAsync<LicensingPortal.Api.Features.Catalogue.ListRuleTerms.Terms>(TestJson.Options);
        Assert.Contains(new LicensingPortal.Api.Features.Catalogue.ListRuleTerms.Term("PB-UMKU-SLHS", "Hygiene and Sanitation Certificate"), terms!.PermitTypes);
        Assert.Contains(new LicensingPortal.Api.Features.Catalogue.ListRuleTerms.Term("PERNYATAAN-KEBENARAN-DATA", "The applicant declares the data given is true"), terms.Requirements);
        var csv = await officer.Client.GetAsync($"/api/audit/decisions?q={Uri.EscapeDataString(name)}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.StartsWith("reference,application_id,business,outcome", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(refused.Id.ToString(), row, StringComparison.Ordinal);
        Assert.Contains("'=Warung Kasus", row, StringComparison.Ordinal); // a spreadsheet reads the name as text, not as a formula
    }

    private async Task<int> MailsToAsync(string email)
    {
        var pickup = Path.Combine(portal.DataDirectory, "mail-pickup");
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(pickup, "*.eml"))
        {
            count += (await MimeKit.MimeMessage.LoadAsync(file)).To.Mailboxes.Count(m => m.Address == email);
        }

        return count;
    }

    /// <summary>The code of the newest invitation e-mail to the address in the pickup folder (other than <paramref name="except"/>).</summary>
    private async Task<string> InvitationCodeAsync(string email, string? except = null)
    {
        var pickup = Path.Combine(portal.DataDirectory, "mail-pickup");
        string? code = null;
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var file in Directory.Exists(pickup) ? Directory.EnumerateFiles(pickup, "*.eml") : [])
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email) && InvitationLink().Match(message.TextBody ?? string.Empty) is { Success: true } match && match.Groups[1].Value != except)
                    {
                        code = match.Groups[1].Value;
                        return true;
                    }
                }

                return false;
            },
            "the invitation e-mail is in the pickup folder");
        return code!;
    }

    [GeneratedRegex(@"/akun/undangan\?kode=([A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}

public sealed class StaffAccountTestsOnSqlite(SqlitePortal portal) : StaffAccountTests(portal), IClassFixture<SqlitePortal>;

public sealed class StaffAccountTestsOnPostgres(PostgresPortal portal) : StaffAccountTests(portal), IClassFixture<PostgresPortal>;
