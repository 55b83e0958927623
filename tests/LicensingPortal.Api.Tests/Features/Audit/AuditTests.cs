using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Audit;

public abstract class AuditTests(Portal portal)
{
    [Fact]
    public async Task Search_ByOutcomeKbliAndFailedRequirement_FindsTheDecision_InAStableOrder()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var rejected = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var approved = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());

        var byFailure = await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?failedRequirement=PERNYATAAN-KEBENARAN-DATA&applicant={applicant.Id}", TestJson.Options);
        var mine = await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?applicant={applicant.Id}&kbli=56101&kecamatan=537104&pageSize=1&page=2", TestJson.Options);
        var approvedOnly = await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?applicant={applicant.Id}&outcome=approved&permitType=NIB", TestJson.Options);

        Assert.Equal([rejected.Id], byFailure!.Items.Select(i => i.ApplicationId));
        Assert.Equal(2, mine!.Total);
        Assert.Equal([approved.Id], mine.Items.Select(i => i.ApplicationId));
        Assert.Equal([approved.Id], approvedOnly!.Items.Select(i => i.ApplicationId));
    }

    [Fact]
    public async Task Trace_ShowsTheFactsAsTheyWere_WithIdentifiersMasked_AndEveryRequirement()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());

        var response = await officer.Client.GetAsync($"/api/audit/decisions/{application.Id}");
        var text = await response.Content.ReadAsStringAsync();
        var trace = System.Text.Json.JsonSerializer.Deserialize<GetDecisionTrace.Trace>(text, TestJson.Options)!;

        Assert.Equal(application.Decision!.RuleSet.Hash, trace.RuleSetHash);
        // The rules named by their title and the day they came into force, as officers read them.
        Assert.StartsWith("Persyaratan Perizinan Berusaha Berbasis Risiko Kota Kupang (PP 28/2025", trace.RuleSetTitle, StringComparison.Ordinal);
        Assert.InRange(trace.RuleSetEffectiveFrom!.Value, new DateOnly(2025, 1, 1), application.SubmissionDate);
        Assert.Equal("5371********0003", trace.Facts["nik"]!.GetValue<string>());
        Assert.DoesNotContain("5371044107850003", text, StringComparison.Ordinal);
        Assert.Equal(application.Decision.Requirements.Count, trace.Requirements.Count);
        Assert.Equal(["decision", "permit-issued", "submission"], trace.Log.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The case says what the approval issued and how each permit stands today (a revoked one with its day), and one
    /// typed text finds a decision by part of its owner's name, the owner named in the result.
    /// </summary>
    [Fact]
    public async Task Trace_ListsThePermitsTheDecisionIssued_AsTheyStandToday_AndTheOwnersNameFindsIt()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var owner = $"Yosef Taolin {Guid.NewGuid():N}"[..20];
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Owner = new("Ibu " + owner, "5371044107850003", null) });
        var application = await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()));
        var issued = application.Permits.Select(p => p.Number).Order(StringComparer.Ordinal).ToList();
        var revoked = application.Permits[^1];
        var revocation = await admin.Client.PostAsJsonAsync($"/api/admin/permits/{revoked.Number}/revocation", new { reason = "Usaha tidak sesuai izin." }, TestJson.Options);
        Assert.True(revocation.IsSuccessStatusCode, await revocation.Content.ReadAsStringAsync());

        var trace = (await officer.Client.GetFromJsonAsync<GetDecisionTrace.Trace>($"/api/audit/decisions/{application.Id}", TestJson.Options))!;
        var found = (await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?q={Uri.EscapeDataString(owner.ToUpperInvariant())}", TestJson.Options))!;

        var permits = trace.Case!.Permits;
        Assert.Equal(issued, permits.Select(p => p.Number));
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.All(permits.Where(p => p.Number != revoked.Number), p => Assert.Equal(global::LicensingPortal.Api.Domain.PermitStatus.Active, p.Status));
        Assert.All(permits.Where(p => p.Number != revoked.Number), p => Assert.Null(p.EndedOn));
        var ended = permits.Single(p => p.Number == revoked.Number);
        Assert.Equal((global::LicensingPortal.Api.Domain.PermitStatus.Revoked, today), (ended.Status, ended.EndedOn!.Value));
        Assert.Equal(revoked.Title, ended.Title);
        var item = Assert.Single(found.Items);
        Assert.Equal((application.Id, "Ibu " + owner), (item.ApplicationId, item.OwnerName));
    }

    [Fact]
    public async Task Replay_UnderThePinnedRuleSet_ReproducesTheDecisionExactly()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [], Employees = 0 });

        var replay = await (await officer.Client.PostAsync($"/api/audit/decisions/{application.Id}/replay", null)).Content.ReadFromJsonAsync<ReplayDecision.ReplayResult>(TestJson.Options);

        Assert.True(replay!.Reproduced, string.Join("; ", replay.Differences));
        Assert.Equal("rejected", replay.ReplayedOutcome);
    }

    [Fact]
    public async Task Replay_OfADecisionChangedInTheDatabase_RaisesTheAlarm()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE decisions SET approved = NOT approved WHERE application_id = {0}", application.Id);
        }

        var replay = await (await officer.Client.PostAsync($"/api/audit/decisions/{application.Id}/replay", null)).Content.ReadFromJsonAsync<ReplayDecision.ReplayResult>(TestJson.Options);

        Assert.False(replay!.Reproduced);
        Assert.Contains(replay.Differences, d => d.StartsWith("outcome:", StringComparison.Ordinal));
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE decisions SET approved = NOT approved WHERE application_id = {0}", application.Id);
        }
    }

    [Fact]
    public async Task Note_IsAddedToTheTraceAndTheTransparencyLog()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());

        var created = await officer.Client.PostAsJsonAsync($"/api/audit/decisions/{application.Id}/notes", new AddDecisionNote.NoteRequest("Diperiksa: sesuai aturan."), TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trace = await officer.Client.GetFromJsonAsync<GetDecisionTrace.Trace>($"/api/audit/decisions/{application.Id}", TestJson.Options);
        Assert.Equal("Diperiksa: sesuai aturan.", Assert.Single(trace!.Notes).Text);
        // Written on the record, by name: the answer and the trace say who wrote it.
        Assert.Equal(officer.Email, Assert.Single(trace.Notes).AuthorEmail);
        Assert.Equal(officer.Email, (await created.Content.ReadFromJsonAsync<GetDecisionTrace.NoteView>(TestJson.Options))!.AuthorEmail);
        Assert.Contains(trace.Log, e => e.Type == "note-added");
        var report = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        Assert.True(report!.Valid, report.Problem);
    }

    [Fact]
    public async Task Applicant_CannotReachTheOfficerApi_AndNoEndpointChangesAnOutcome()
    {
        using var applicant = await portal.ApplicantAsync();
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync("/api/audit/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync($"/api/audit/decisions/{application.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.PostAsync($"/api/audit/decisions/{application.Id}/replay", null)).StatusCode);
        var endpoints = portal.Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>();
        Assert.DoesNotContain(endpoints, e => (e.RoutePattern.RawText ?? string.Empty).Contains("decision", StringComparison.OrdinalIgnoreCase)
            && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "PUT" or "PATCH" or "DELETE") == true);
    }
}

public sealed class AuditTestsOnSqlite(SqlitePortal portal) : AuditTests(portal), IClassFixture<SqlitePortal>;

public sealed class AuditTestsOnPostgres(PostgresPortal portal) : AuditTests(portal), IClassFixture<PostgresPortal>;
