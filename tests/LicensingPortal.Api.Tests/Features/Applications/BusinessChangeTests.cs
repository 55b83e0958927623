using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Applications;

/// <summary>
/// Changes to a running business (perubahan), decided by the engine against the business's permits: an approved
/// change re-issues what changed and keeps the NIB, a rejected one (a move into a zone where the activity is not
/// allowed) leaves everything as it was, and a change needs something the rules read to change.
/// </summary>
public abstract class BusinessChangeTests(Portal portal)
{
    private static readonly string[] CateringDeclarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"];

    [Fact]
    public async Task AnApprovedChange_ReissuesWhatChanged_KeepsTheNibAndTheEndDate_AndIsTracedAndLogged()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = CateringDeclarations };
        var first = await applicant.Client.SubmitAsync(request);
        Assert.True(first.Decision!.Approved);
        var business = await applicant.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{request.BusinessId}", TestJson.Options);
        var before = (await applicant.Client.GetFromJsonAsync<List<PermitResponse>>("/api/permits", TestJson.Options))!.Where(p => p.BusinessId == request.BusinessId).ToList();

        var offer = await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{request.BusinessId}/change", TestJson.Options);
        Assert.Equal(["56210"], offer!.Answers.Kbli);
        Assert.Equal(before.Where(p => p.Type != "NIB").Select(p => p.Number).Order(), offer.Permits.Select(p => p.Number).Order());

        // The caterer also opens a food stall (warung makan) at the same place.
        var changed = offer.Answers with { Kbli = ["56210", "56102"] };
        var made = await ChangeAsync(applicant.Client, request.BusinessId, changed, "change-1");
        var again = await ChangeAsync(applicant.Client, request.BusinessId, changed, "change-1");

        Assert.Equal(made.Id, again.Id);
        Assert.Equal(ApplicationKind.Change, made.Kind);
        Assert.True(made.Decision!.Approved, string.Join(", ", made.Decision.FailedRequirements.Select(f => f.Id)));
        Assert.Contains(made.Changes!, c => c.Field == "kbli");
        Assert.DoesNotContain(made.Permits, p => p.Type == "NIB");
        var hygiene = before.Single(p => p.Type == "PB-UMKU-SLHS");
        var reissued = made.Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        Assert.NotEqual(hygiene.Number, reissued.Number);
        Assert.Equal(["56102", "56210"], reissued.Kbli.Order());
        Assert.Equal(Wita.Today(TimeProvider.System), reissued.ValidFrom);
        Assert.Equal(hygiene.ValidUntil, reissued.ValidUntil);
        var ended = Assert.Single(made.Ended!, p => p.Number == hygiene.Number);
        Assert.Equal(PermitStatus.Replaced, ended.Status);
        Assert.Equal(reissued.Number, ended.ReplacedBy);

        // Its notices say it was the change, not the first application, that came in and was approved.
        await portal.DeliveriesSettledAsync();
        var titles = (await applicant.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/notifications")).EnumerateArray()
            .Select(n => n.GetProperty("title").GetString()).ToList();
        Assert.Contains(Say.Id("Notice.Received.Title.Change", business!.Name), titles);
        Assert.Contains(Say.Id("Notice.Approved.Title.Change", business.Name), titles);
        Assert.Contains(Say.Id("Notice.Approved.Title", business.Name), titles);

        // The NIB is kept; the old certificate verifies as replaced, naming its successor; the new one as valid.
        var after = await applicant.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{request.BusinessId}", TestJson.Options);
        Assert.Equal(business.Nib, after!.Nib);
        using var anonymous = portal.Factory.CreateClient();
        var old = await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(hygiene.VerificationUrl).PathAndQuery, TestJson.Options);
        Assert.Equal(VerifyPermit.Replaced, old!.Status);
        Assert.Equal(reissued.Number, old.ReplacedBy);
        Assert.Equal(Wita.Today(TimeProvider.System), old.EndedOn);
        Assert.Equal(VerifyPermit.Valid, (await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(reissued.VerificationUrl).PathAndQuery, TestJson.Options))!.Status);
        var words = await PdfText.ReadWordsAsync(await applicant.Client.GetByteArrayAsync($"/api/permits/{hygiene.Number}/document"));
        var pdf = string.Join(' ', words.Select(w => w.Text));
        Assert.Contains("DIGANTI karena perubahan usaha pada", pdf, StringComparison.Ordinal);
        Assert.Contains("REPLACED after a business change on", pdf, StringComparison.Ordinal);
        // The longest status, in its row and in the banner, printed within the paper (it ran past the right edge).
        Assert.All(words, word => Assert.True(word.Left >= 30 && word.Right <= word.PageWidth - 30, $"'{word.Text}' is printed from {word.Left:0} to {word.Right:0} on a page {word.PageWidth:0} wide"));

        // A replaced permit is not renewed (its successor is) nor revoked; the change reads back the same from the API.
        var renewal = await applicant.Client.PostAsJsonAsync($"/api/permits/{hygiene.Number}/renewal", changed, TestJson.Options);
        await Problems.AssertAsync(renewal, HttpStatusCode.Conflict, "permit_replaced");
        var offered = await applicant.Client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{hygiene.Number}/renewal", TestJson.Options);
        Assert.Equal(RenewalState.Replaced, offered!.State);
        Assert.Equal(reissued.Number, offered.ReplacedBy);
        using (var admin = await portal.StaffAsync(Roles.Admin))
        {
            var revoked = await admin.Client.PostAsJsonAsync($"/api/admin/permits/{hygiene.Number}/revocation", new { reason = "Uji pencabutan izin yang sudah diganti" }, TestJson.Options);
            await Problems.AssertAsync(revoked, HttpStatusCode.Conflict, "permit_replaced");
        }

        var read = await applicant.Client.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{made.Id}", TestJson.Options);
        Assert.Equal(made.Changes, read!.Changes);
        Assert.Equal(made.Ended!.Select(p => p.Number), read.Ended!.Select(p => p.Number));
        var next = await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{request.BusinessId}/change", TestJson.Options);
        Assert.Equal(["56102", "56210"], next!.Answers.Kbli.Order());
        Assert.Contains(next.Permits, p => p.Number == reissued.Number);
        Assert.DoesNotContain(next.Permits, p => p.Number == hygiene.Number);

        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            Assert.Equal(1, await db.Applications.CountAsync(a => a.BusinessId == request.BusinessId && a.ChangesApplicationId == first.Id));
        }

        // Officers find it by its kind, and its trace shows the chain: the first application, then this change.
        using var officer = await portal.StaffAsync(Roles.Officer);
        var changes = await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?kind=change&applicant={applicant.Id}", TestJson.Options);
        Assert.Equal([made.Id], changes!.Items.Select(i => i.ApplicationId));
        Assert.Equal(ApplicationKind.Change, changes.Items[0].Kind);
        var firsts = await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?kind=new&applicant={applicant.Id}", TestJson.Options);
        Assert.Equal([first.Id], firsts!.Items.Select(i => i.ApplicationId));
        var trace = await officer.Client.GetFromJsonAsync<GetDecisionTrace.Trace>($"/api/audit/decisions/{made.Id}", TestJson.Options);
        await Settle.LogIntegratedAsync(portal.Factory.Services);
        var traced = await officer.Client.GetFromJsonAsync<GetDecisionTrace.Trace>($"/api/audit/decisions/{made.Id}", TestJson.Options);
        Assert.Contains(traced!.Log, e => e.Type == LogEntryTypes.PermitReplaced);
        Assert.Equal([first.Id, made.Id], trace!.Chain!.Select(l => l.ApplicationId));
        Assert.Equal([ApplicationKind.New, ApplicationKind.Change], trace.Chain!.Select(l => l.Kind));
        var replay = await officer.Client.PostAsync($"/api/audit/decisions/{made.Id}/replay", null);
        Assert.True(System.Text.Json.JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("reproduced").GetBoolean());

        using var mayor = await portal.StaffAsync(Roles.Mayor);
        var today = Wita.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var events = (await mayor.Client.GetFromJsonAsync<List<Api.Features.Reports.ReportLifeEvents.LifeEvents>>($"/api/reports/life-events?from={today}&to={today}", TestJson.Options))!;
        Assert.True(events.Single(e => e.Kecamatan == made.Kecamatan).Changes >= 1);
        var csv = await mayor.Client.GetStringAsync($"/api/reports/life-events?from={today}&to={today}&format=csv");
        Assert.StartsWith("kecamatan,name,new_approvals,renewals,closures,changes", csv, StringComparison.Ordinal);

        await VerifyLogAsync(made.Id, ended.Number);
    }

    [Fact]
    public async Task AChangeIntoAZoneWhereTheActivityIsNotAllowed_IsRejectedWithTheReason_AndChangesNothing()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var first = await applicant.Client.SubmitAsync(request);
        Assert.True(first.Decision!.Approved);
        var before = (await applicant.Client.GetFromJsonAsync<List<PermitResponse>>("/api/permits", TestJson.Options))!.Where(p => p.BusinessId == request.BusinessId).ToList();
        var offer = await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{request.BusinessId}/change", TestJson.Options);

        // A restaurant may not move to Belo, a farming zone.
        var moved = offer!.Answers with { Location = offer.Answers.Location with { Kelurahan = "Belo", Address = "Jl. Belo Raya 3" } };
        var made = await ChangeAsync(applicant.Client, request.BusinessId, moved);

        Assert.Equal(ApplicationKind.Change, made.Kind);
        Assert.False(made.Decision!.Approved);
        Assert.Contains(made.Decision.FailedRequirements, f => f.Id == "LOKASI-KESESUAIAN-RUANG");
        Assert.All(made.Decision.FailedRequirements, f => Assert.False(string.IsNullOrWhiteSpace(f.Remedy)));
        Assert.Empty(made.Permits);
        Assert.Empty(made.Ended!);
        var after = (await applicant.Client.GetFromJsonAsync<List<PermitResponse>>("/api/permits", TestJson.Options))!.Where(p => p.BusinessId == request.BusinessId).ToList();
        Assert.Equal(before.Select(p => (p.Number, p.Status, p.ValidUntil)), after.Select(p => (p.Number, p.Status, p.ValidUntil)));
        var still = await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{request.BusinessId}/change", TestJson.Options);
        Assert.Equal(offer.Answers.Location.Kelurahan, still!.Answers.Location.Kelurahan);

        // A refused change is not resubmitted as an application; it is asked for again (a draft from its answers).
        var resubmitted = await applicant.Client.PostAsJsonAsync($"/api/applications/{made.Id}/resubmission", moved, TestJson.Options);
        await Problems.AssertAsync(resubmitted, HttpStatusCode.Conflict, "application_not_resubmittable");
        var draft = await (await applicant.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, made.Id), TestJson.Options)).Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options);
        Assert.Equal(request.BusinessId, draft!.ChangesBusinessId);
        Assert.Equal("5371021001", draft.Answers.Location.Kelurahan); // Belo, as the refused change stored it
        await VerifyLogAsync(made.Id, null);
    }

    [Fact]
    public async Task TwoChangesAtOnce_AreDecidedOneAfterTheOther_TheSecondOnWhatTheFirstLeft_AndNoPermitIsReplacedTwice()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = CateringDeclarations };
        var first = await applicant.Client.SubmitAsync(request);
        var offer = await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{request.BusinessId}/change", TestJson.Options);

        var moves = await Task.WhenAll(
            ChangeAsync(applicant.Client, request.BusinessId, offer!.Answers with { Location = offer.Answers.Location with { Kelurahan = "Mantasi", Address = "Jl. Sumba No. 8" } }),
            ChangeAsync(applicant.Client, request.BusinessId, offer.Answers with { Location = offer.Answers.Location with { Kelurahan = "Fatufeto", Address = "Jl. Alor No. 2" } }));

        Assert.All(moves, m => Assert.True(m.Decision!.Approved));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var bases = await db.Applications.Where(a => a.BusinessId == request.BusinessId && a.ChangesApplicationId != null).OrderBy(a => a.SubmittedAt).Select(a => new { a.Id, a.ChangesApplicationId }).ToListAsync();
        Assert.Equal(2, bases.Count);
        Assert.Equal(first.Id, bases[0].ChangesApplicationId);
        Assert.Equal(bases[0].Id, bases[1].ChangesApplicationId);
        var hygiene = await db.Permits.Where(p => p.BusinessId == request.BusinessId && p.Type == "PB-UMKU-SLHS").ToListAsync();
        Assert.Equal(3, hygiene.Count);
        Assert.Single(hygiene, p => p.Status == PermitStatus.Active);
        Assert.Equal(2, hygiene.Count(p => p.Status == PermitStatus.Replaced));
        Assert.Equal(hygiene.Count(p => p.ReplacedByPermitId != null), hygiene.Select(p => p.ReplacedByPermitId).OfType<Guid>().Distinct().Count());
    }

    [Fact]
    public async Task AChange_NeedsSomethingTheRulesRead_ARunningBusinessOfOnesOwn_AndAnOpenBusiness()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        await applicant.Client.SubmitAsync(request);
        var offer = await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{request.BusinessId}/change", TestJson.Options);

        var same = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/change", offer!.Answers, TestJson.Options);
        await Problems.AssertAsync(same, HttpStatusCode.BadRequest, "validation_failed");
        var onlyLater = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/change", offer.Answers with { PlannedStartDate = Wita.Today(TimeProvider.System).AddDays(30) }, TestJson.Options);
        await Problems.AssertAsync(onlyLater, HttpStatusCode.BadRequest, "validation_failed");
        var reordered = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/change", offer.Answers with { Kbli = ["56102", .. offer.Answers.Kbli] }, TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, reordered.StatusCode);
        var again = await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{request.BusinessId}/change", TestJson.Options);
        var sameSet = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/change", again!.Answers with { Kbli = [.. again.Answers.Kbli.Reverse()] }, TestJson.Options);
        await Problems.AssertAsync(sameSet, HttpStatusCode.BadRequest, "validation_failed");
        var nullItem = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/change", offer.Answers with { Kbli = [null!] }, TestJson.Options);
        await Problems.AssertAsync(nullItem, HttpStatusCode.BadRequest, "validation_failed");

        using var stranger = await portal.ApplicantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/businesses/{request.BusinessId}/change")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/change", offer.Answers with { Employees = 9 }, TestJson.Options)).StatusCode);

        var unlicensed = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor("Kios Baru Oesapa"));
        await Problems.AssertAsync(await applicant.Client.GetAsync($"/api/businesses/{unlicensed}/change"), HttpStatusCode.Conflict, "business_not_licensed");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"/api/businesses/{unlicensed}/change", offer.Answers with { BusinessId = unlicensed }, TestJson.Options), HttpStatusCode.Conflict, "business_not_licensed");

        var closing = await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/closure", new CloseBusiness.Request(true), TestJson.Options);
        closing.EnsureSuccessStatusCode();
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"/api/businesses/{request.BusinessId}/change", offer.Answers with { Employees = 9 }, TestJson.Options), HttpStatusCode.Conflict, "business_closed");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, null, null, request.BusinessId), TestJson.Options), HttpStatusCode.Conflict, "business_closed");
    }

    private static async Task<ApplicationResponse> ChangeAsync(HttpClient client, Guid businessId, ApplicationRequest answers, string? key = null)
    {
        var response = await client.PostJsonAsync($"/api/businesses/{businessId}/change", answers, key);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
    }

    /// <summary>`audit verify` passes, and the log holds the change's submission and decision and the end of the replaced permit.</summary>
    private async Task VerifyLogAsync(Guid applicationId, string? endedNumber)
    {
        await Settle.LogIntegratedAsync(portal.Factory.Services);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Valid, verification.Problem);
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var types = await db.TransparencyLog.Where(e => e.SubjectId == applicationId).Select(e => e.Type).ToListAsync();
        Assert.Contains(LogEntryTypes.Submission, types);
        Assert.Contains(LogEntryTypes.Decision, types);
        if (endedNumber is not null)
        {
            var endedId = await db.Permits.Where(p => p.Number == endedNumber).Select(p => p.Id).SingleAsync();
            Assert.Contains(LogEntryTypes.PermitReplaced, await db.TransparencyLog.Where(e => e.SubjectId == endedId).Select(e => e.Type).ToListAsync());
        }
    }
}

public sealed class BusinessChangeTestsOnSqlite(SqlitePortal portal) : BusinessChangeTests(portal), IClassFixture<SqlitePortal>;

public sealed class BusinessChangeTestsOnPostgres(PostgresPortal portal) : BusinessChangeTests(portal), IClassFixture<PostgresPortal>;
