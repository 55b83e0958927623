using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Permits;

/// <summary>
/// Renewal (perpanjangan) of a permit with an end date, through the API on a clock moved to the days that matter:
/// the window (the 90th day before the end, the last day, the day after), the renewed validity, the links both
/// ways, reminders that stop, one renewal per permit, a stricter rule set in force meanwhile, and the log.
/// </summary>
public abstract class RenewalTests(Portal portal)
{
    private static readonly string[] CateringDeclarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"];

    [Fact]
    public async Task Renewal_OnThe90thDayBefore_IssuesAPermitFromTheDayAfterTheOldEnds_LinkedBothWays_AndTheOldRemindsNoMore()
    {
        using var applicant = await portal.ApplicantAsync();
        var hygiene = await HygieneCertificateAsync(applicant);
        var until = hygiene.ValidUntil!.Value;
        var clock = new FakeTimeProvider(WitaNoon(until.AddDays(-90)));
        await using var host = portal.Create(time: clock);
        using var client = await SignedInAsync(host, applicant);

        var offer = await client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{hygiene.Number}/renewal", TestJson.Options);
        Assert.Equal(RenewalState.Open, offer!.State);
        Assert.Equal(until.AddDays(1), offer.RenewedFrom);
        Assert.Equal(Permit.LastDay(until.AddDays(1), 36), offer.RenewedUntil);
        Assert.Equal(CateringDeclarations, offer.Answers!.Declarations);
        var answers = offer.Answers;

        var renewed = await RenewAsync(client, hygiene.Number, "renew-1", answers);
        var again = await RenewAsync(client, hygiene.Number, "renew-1", answers);

        Assert.Equal(ApplicationKind.Renewal, renewed.Kind);
        Assert.Equal(hygiene.Number, renewed.Renews);
        Assert.True(renewed.Decision!.Approved, string.Join(", ", renewed.Decision.FailedRequirements.Select(f => f.Id)));
        var successor = Assert.Single(renewed.Permits);
        Assert.Equal("PB-UMKU-SLHS", successor.Type);
        Assert.NotEqual(hygiene.Number, successor.Number);
        Assert.Equal(until.AddDays(1), successor.ValidFrom);
        Assert.Equal(Permit.LastDay(until.AddDays(1), 36), successor.ValidUntil);
        Assert.Equal(hygiene.Number, successor.Renews);
        Assert.Equal(renewed.Id, again.Id);

        // Its e-mail says what its page says: the new permit holds from the day after the old one ends, only the new
        // one listed (not the NIB and certificate the renewal did not issue, which would read as withheld).
        var id = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var mail = await DecisionMailAsync(host, renewed.Id);
        Assert.Contains(Web.Say.Id("Decision.NextRenewal", until.AddDays(1).ToString("d MMMM yyyy", id), until.ToString("d MMMM yyyy", id)), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($": {successor.Number}, {Web.Say.Id("Email.Decision.ValidUntil", successor.ValidUntil!.Value.ToString("d MMMM yyyy", id))}", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(mail.TextBody!.ReplaceLineEndings("\n").Split('\n'), line => line.StartsWith("- ", StringComparison.Ordinal));
        // So does the inbox: the permits this renewal issued, not every permit the business needs.
        var inbox = (await client.GetFromJsonAsync<List<Api.Features.Me.ListNotifications.Item>>("/api/me/notifications", TestJson.Options))!;
        var approvedNotice = Assert.Single(inbox, n => n.SubjectId == renewed.Id && n.Type == NoticeKind.DecisionMade.Type);
        Assert.Contains(successor.Title, approvedNotice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Nomor Induk Berusaha", approvedNotice.Body, StringComparison.Ordinal);

        var old = await client.GetFromJsonAsync<PermitResponse>($"/api/permits/{hygiene.Number}", TestJson.Options);
        Assert.Equal(successor.Number, old!.RenewedBy);
        Assert.Equal(RenewalState.AlreadyRenewed, old.Renewal);
        using var anonymous = host.CreateClient();
        var verified = await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(hygiene.VerificationUrl).PathAndQuery, TestJson.Options);
        Assert.Equal(VerifyPermit.Valid, verified!.Status);
        Assert.Equal(successor.Number, verified.RenewedBy);
        Assert.Equal(successor.ValidUntil, verified.RenewedUntil);
        var verifiedSuccessor = await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(successor.VerificationUrl).PathAndQuery, TestJson.Options);
        Assert.Equal(hygiene.Number, verifiedSuccessor!.Renews);
        Assert.Equal(VerifyPermit.Upcoming, verifiedSuccessor.Status);
        Assert.Equal(until.AddDays(1), verifiedSuccessor.ValidFrom);

        var second = await client.PostAsJsonAsync($"/api/permits/{hygiene.Number}/renewal", answers, TestJson.Options);
        await Problems.AssertAsync(second, HttpStatusCode.Conflict, "permit_already_renewed");

        // No reminder at 30 and 7 days, and no "your permit has ended" the day after: the renewed permit carries on.
        await RunRemindersOnAsync(host, clock, until.AddDays(-30));
        await RunRemindersOnAsync(host, clock, until.AddDays(-7));
        await RunRemindersOnAsync(host, clock, until.AddDays(1));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var oldId = await db.Permits.Where(p => p.Number == hygiene.Number).Select(p => p.Id).SingleAsync();
        Assert.Empty(await db.InboxNotifications.Where(n => n.SubjectId == oldId && (n.Type == NoticeKind.PermitExpiring.Type || n.Type == NoticeKind.PermitExpired.Type)).ToListAsync());
        Assert.Equal(1, await db.Applications.CountAsync(a => a.RenewsPermitId == oldId));
        Assert.True(await ReplaysAsync(host, renewed.Id));
        await VerifyLogAsync();

        // Officers find it by its kind, and its trace shows the chain: the first application, then this renewal.
        using var officer = await Accounts.CreateAsync(host, Roles.Officer);
        var renewals = await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?kind=renewal&applicant={applicant.Id}", TestJson.Options);
        Assert.Equal([renewed.Id], renewals!.Items.Select(i => i.ApplicationId));
        Assert.Equal(ApplicationKind.Renewal, renewals.Items[0].Kind);
        var firsts = await officer.Client.GetFromJsonAsync<SearchDecisions.SearchPage>($"/api/audit/decisions?kind=new&applicant={applicant.Id}", TestJson.Options);
        Assert.DoesNotContain(firsts!.Items, i => i.ApplicationId == renewed.Id);
        Assert.Equal(1, firsts.Total);
        var trace = await officer.Client.GetFromJsonAsync<GetDecisionTrace.Trace>($"/api/audit/decisions/{renewed.Id}", TestJson.Options);
        var chain = trace!.Chain!;
        Assert.Equal([ApplicationKind.New, ApplicationKind.Renewal], chain.Select(l => l.Kind));
        Assert.Equal(hygiene.Number, chain[1].Renews);
        var original = await officer.Client.GetFromJsonAsync<GetDecisionTrace.Trace>($"/api/audit/decisions/{chain[0].ApplicationId}", TestJson.Options);
        Assert.Equal(chain.Select(l => l.ApplicationId), original!.Chain!.Select(l => l.ApplicationId));
        Assert.Equal(400, (int)(await officer.Client.GetAsync("/api/audit/decisions?kind=perubahan")).StatusCode);
    }

    [Fact]
    public async Task Renewal_OfAPermitAChangeKept_StartsFromTheAnswersAsChanged()
    {
        using var applicant = await portal.ApplicantAsync();
        var (hygiene, answers) = await CateringAsync(applicant);
        var changed = await applicant.Client.PostAsJsonAsync($"/api/businesses/{answers.BusinessId}/change", answers with { Employees = 9, PlannedStartDate = null }, TestJson.Options);
        var change = await changed.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options);
        Assert.True(change!.Decision!.Approved);
        Assert.Empty(change.Ended!);
        var clock = new FakeTimeProvider(WitaNoon(hygiene.ValidUntil!.Value.AddDays(-30)));
        await using var host = portal.Create(time: clock);
        using var client = await SignedInAsync(host, applicant);

        var offer = await client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{hygiene.Number}/renewal", TestJson.Options);

        Assert.Equal(RenewalState.Open, offer!.State);
        Assert.Equal(9, offer.Answers!.Employees);
        var renewed = await RenewAsync(client, hygiene.Number);
        Assert.True(renewed.Decision!.Approved);
        Assert.Equal(hygiene.Number, renewed.Renews);
    }

    [Fact]
    public async Task Renewal_OpensOnThe90thDayBefore_ClosesAfterTheLastDay_AndSaysWhatToDoInstead()
    {
        using var applicant = await portal.ApplicantAsync();
        var (early, answers) = await CateringAsync(applicant);
        var lastDay = await HygieneCertificateAsync(applicant);
        var late = await HygieneCertificateAsync(applicant);
        var until = early.ValidUntil!.Value;
        var clock = new FakeTimeProvider(WitaMidnight(until.AddDays(-90)).AddMinutes(-1));
        await using var host = portal.Create(time: clock);
        using var client = await SignedInAsync(host, applicant);

        // 23:59 WITA the day before the 90th day before: not yet.
        var tooEarly = await client.PostAsJsonAsync($"/api/permits/{early.Number}/renewal", answers, TestJson.Options);
        var problem = await Problems.AssertAsync(tooEarly, HttpStatusCode.Conflict, "renewal_not_open_yet");
        Assert.Contains(until.AddDays(-90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), problem.Detail, StringComparison.Ordinal);
        Assert.Equal(RenewalState.NotYetOpen, (await client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{early.Number}/renewal", TestJson.Options))!.State);

        clock.SetUtcNow(WitaNoon(until));
        using var onTheDay = await SignedInAsync(host, applicant);

        // A renewal renews the permit for the activities it was issued for.
        var otherActivity = (await onTheDay.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{lastDay.Number}/renewal", TestJson.Options))!.Answers! with { Kbli = ["56101"] };
        var changed = await Problems.AssertAsync(await onTheDay.PostAsJsonAsync($"/api/permits/{lastDay.Number}/renewal", otherActivity, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("kbli", changed.Extensions["errors"]!.ToString(), StringComparison.Ordinal);

        var onTheLastDay = await RenewAsync(onTheDay, lastDay.Number);
        Assert.Equal(until.AddDays(1), Assert.Single(onTheLastDay.Permits).ValidFrom);

        clock.SetUtcNow(WitaMidnight(until.AddDays(1)));
        using var after = await SignedInAsync(host, applicant);
        var ended = await after.PostAsJsonAsync($"/api/permits/{late.Number}/renewal", answers, TestJson.Options);
        problem = await Problems.AssertAsync(ended, HttpStatusCode.Conflict, "permit_ended");
        Assert.Contains("new application", problem.Detail, StringComparison.Ordinal);

        var nib = (await after.GetFromJsonAsync<List<PermitResponse>>("/api/permits", TestJson.Options))!.First(p => p.Type == "NIB");
        await Problems.AssertAsync(await after.PostAsJsonAsync($"/api/permits/{nib.Number}/renewal", answers, TestJson.Options), HttpStatusCode.Conflict, "permit_not_renewable");

        using var stranger = await Accounts.CreateAsync(host, Roles.Applicant);
        await Problems.AssertAsync(await stranger.Client.GetAsync($"/api/permits/{lastDay.Number}/renewal"), HttpStatusCode.NotFound, "permit_not_found");
        await Problems.AssertAsync(await stranger.Client.PostAsJsonAsync($"/api/permits/{lastDay.Number}/renewal", answers, TestJson.Options), HttpStatusCode.NotFound, "permit_not_found");
    }

    /// <summary>
    /// A permit that ended unrenewed is not renewed, but applied for again from the answers it was issued on: a new
    /// application (no renewal), every page done, starting today, approved into a new permit. A permit in force is
    /// renewed instead; another's is not found; the choice is not combined with another; the notice that it ended
    /// leads to it; once applied for again, the ended permit's page and the list name the new permit.
    /// </summary>
    [Fact]
    public async Task AnEndedPermit_IsAppliedForAgain_FromTheAnswersItWasIssuedOn()
    {
        using var applicant = await portal.ApplicantAsync();
        var (ended, answers) = await CateringAsync(applicant);
        var until = ended.ValidUntil!.Value;
        var clock = new FakeTimeProvider(WitaNoon(until.AddDays(3)));
        await using var host = portal.Create(time: clock);
        using var client = await SignedInAsync(host, applicant);
        var renewal = (await client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{ended.Number}/renewal", TestJson.Options))!;
        Assert.Equal((RenewalState.Ended, null), (renewal.State, renewal.AppliedAgainAs));
        Assert.Null((await client.GetFromJsonAsync<List<PermitResponse>>("/api/permits", TestJson.Options))!.Single(p => p.Number == ended.Number).AppliedAgainAs);

        var started = await client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, null, Reapplies: ended.Number), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var draft = (await started.Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options))!;
        Assert.True(draft.IsComplete);
        Assert.Equal((null, null, null), (draft.RenewsPermitId, draft.ChangesBusinessId, draft.CorrectsApplicationId));
        Assert.Equal((answers.BusinessId, (DateOnly?)null), (draft.Answers.BusinessId, draft.Answers.PlannedStartDate));
        Assert.Equal(answers.Kbli, draft.Answers.Kbli);
        Assert.Equal(answers.Declarations, draft.Answers.Declarations);

        var submitted = await client.PostAsync($"/api/applications/drafts/{draft.Id}/submission", null);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var decided = (await submitted.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
        Assert.Equal("approved", decided.Decision!.Outcome);
        // Only the ended one is issued anew: the NIB and the standard certificate held in force are not issued twice.
        var issued = Assert.Single(decided.Permits);
        Assert.Equal("PB-UMKU-SLHS", issued.Type);
        Assert.NotEqual(ended.Number, issued.Number);
        // The ended permit's page names the one issued in its place.
        Assert.Equal(issued.Number, (await client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{ended.Number}/renewal", TestJson.Options))!.AppliedAgainAs);
        // So does the list of permits: the ended one is not to be applied for again.
        var listed = (await client.GetFromJsonAsync<List<PermitResponse>>("/api/permits", TestJson.Options))!;
        Assert.Equal((PermitStatus.Expired, issued.Number), (listed.Single(p => p.Number == ended.Number).Status, listed.Single(p => p.Number == ended.Number).AppliedAgainAs));
        Assert.All(listed.Where(p => p.Number != ended.Number), p => Assert.Null(p.AppliedAgainAs));
        var inForce = listed.Where(p => p.Status == PermitStatus.Active && p.BusinessId == answers.BusinessId).ToList();
        Assert.Equal(inForce.Select(p => p.Type).Distinct().Count(), inForce.Count);
        Assert.Equal(Wita.DateOf(clock.GetUtcNow()), issued.ValidFrom);

        // A permit still in force is renewed, not applied for again; another's is not found; one choice at a time.
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, null, Reapplies: issued.Number), TestJson.Options), HttpStatusCode.Conflict, "permit_not_ended");
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, null, Renews: issued.Number, Reapplies: ended.Number), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        using var stranger = await Accounts.CreateAsync(host, Roles.Applicant);
        await Problems.AssertAsync(await stranger.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, null, Reapplies: ended.Number), TestJson.Options), HttpStatusCode.NotFound, "permit_not_found");

        // Closed since, the business takes no more applications: the ended permit is not applied for again.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/businesses/{answers.BusinessId}/closure", new { confirm = true }, TestJson.Options)).StatusCode);
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, null, Reapplies: ended.Number), TestJson.Options), HttpStatusCode.Conflict, "business_closed");
    }

    [Fact]
    public async Task TwoRenewalsOfOnePermitAtOnce_OneWins_TheOtherAnswers409()
    {
        using var applicant = await portal.ApplicantAsync();
        var (hygiene, answers) = await CateringAsync(applicant);
        var clock = new FakeTimeProvider(WitaNoon(hygiene.ValidUntil!.Value.AddDays(-10)));
        await using var host = portal.Create(time: clock);
        using var client = await SignedInAsync(host, applicant);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsJsonAsync($"/api/permits/{hygiene.Number}/renewal", answers, TestJson.Options)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await Problems.AssertAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "permit_already_renewed");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var oldId = await db.Permits.Where(p => p.Number == hygiene.Number).Select(p => p.Id).SingleAsync();
        Assert.Equal(1, await db.Permits.CountAsync(p => p.RenewsPermitId == oldId));
    }

    [Fact]
    public async Task Renewal_UnderAStricterRuleSetInForceMeanwhile_IsRefusedWithTheReason_AndTheOldPermitRunsToItsEnd()
    {
        using var applicant = await portal.ApplicantAsync();
        var hygiene = await HygieneCertificateAsync(applicant);
        var until = hygiene.ValidUntil!.Value;
        var rules = StricterRules(effectiveFrom: until.AddDays(-60));
        var settings = new Dictionary<string, string?>(Portal.DefaultSettings()) { ["Rules:Directory"] = rules };
        var clock = new FakeTimeProvider(WitaNoon(until.AddDays(-30)));
        await using var host = portal.Create(settings, clock);
        using var client = await SignedInAsync(host, applicant);

        var refused = await RenewAsync(client, hygiene.Number);

        Assert.Equal("rejected", refused.Decision!.Outcome);
        Assert.Contains(refused.Decision.FailedRequirements, f => f.Id == "PB-UMKU-SLHS-HIGIENE" && f.Remedy.Length > 0);
        Assert.Empty(refused.Permits);
        var old = await client.GetFromJsonAsync<PermitResponse>($"/api/permits/{hygiene.Number}", TestJson.Options);
        Assert.Equal(PermitStatus.Active, old!.Status);
        Assert.Null(old.RenewedBy);
        Assert.Equal(until, old.ValidUntil);
        Assert.Equal(RenewalState.Open, old.Renewal);
        // The refusal's e-mail says so: the permit held still holds, until its own last day.
        Assert.Contains(Web.Say.Id("Renewal.RefusedStillHolds", until.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))), (await DecisionMailAsync(host, refused.Id)).TextBody, StringComparison.Ordinal);

        Assert.True(await ReplaysAsync(host, refused.Id));
        await VerifyLogAsync();

        // The resubmission of a refused renewal is a renewal again, started from the permit.
        await Problems.AssertAsync(await client.PostAsJsonAsync($"/api/applications/{refused.Id}/resubmission", (await client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{hygiene.Number}/renewal", TestJson.Options))!.Answers, TestJson.Options), HttpStatusCode.Conflict, "application_not_resubmittable");
        var draft = await client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, refused.Id), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var view = await draft.Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options);
        Assert.NotNull(view!.RenewsPermitId);
        Assert.Null(view.CorrectsApplicationId);
    }

    /// <summary>The decision e-mail of an application, composed as the delivery composes it.</summary>
    private static async Task<MimeKit.MimeMessage> DecisionMailAsync(PortalFactory host, Guid applicationId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.SubjectId == applicationId && m.Type == NoticeKind.DecisionMade.Type && m.Channel == NotificationChannels.Email);
        return await scope.ServiceProvider.GetRequiredService<DecisionEmail>().ComposeAsync(message, CancellationToken.None);
    }

    /// <summary>A new applicant's catering business with its Hygiene and Sanitation Certificate (36 months).</summary>
    private static async Task<PermitResponse> HygieneCertificateAsync(Account applicant) => (await CateringAsync(applicant)).Permit;

    /// <summary>The same, with the answers it was issued on.</summary>
    private static async Task<(PermitResponse Permit, ApplicationRequest Answers)> CateringAsync(Account applicant)
    {
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = CateringDeclarations };
        return ((await applicant.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "PB-UMKU-SLHS"), request);
    }

    /// <summary>Renews as an integrator would: reads the answers the renewal starts from and sends them back as they are.</summary>
    private static async Task<ApplicationResponse> RenewAsync(HttpClient client, string number, string? key = null, ApplicationRequest? answers = null)
    {
        answers ??= (await client.GetFromJsonAsync<GetPermitRenewal.Response>($"/api/permits/{number}/renewal", TestJson.Options))!.Answers;
        var response = await client.PostJsonAsync($"/api/permits/{number}/renewal", answers, key);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
    }

    private static async Task<HttpClient> SignedInAsync(PortalFactory host, Account account)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Accounts.LoginAsync(client, account.Email, account.Password));
        return client;
    }

    private static async Task RunRemindersOnAsync(PortalFactory host, FakeTimeProvider clock, DateOnly day)
    {
        clock.SetUtcNow(WitaNoon(day));
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindPermitExpiry.Job>().RunAsync(CancellationToken.None);
    }

    private static async Task<bool> ReplaysAsync(PortalFactory host, Guid applicationId)
    {
        using var officer = await Accounts.CreateAsync(host, Roles.Officer);
        var replay = await officer.Client.PostAsync($"/api/audit/decisions/{applicationId}/replay", null);
        var text = await replay.Content.ReadAsStringAsync();
        Assert.True(replay.IsSuccessStatusCode, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("reproduced").GetBoolean();
    }

    /// <summary>The shipped rules plus a later rule set that asks catering for a declaration nobody has made yet.</summary>
    private static string StricterRules(DateOnly effectiveFrom)
    {
        var root = Directory.CreateTempSubdirectory("lp-rules-").FullName;
        var shipped = Path.Combine(TestPaths.RepositoryRoot, "rules");
        foreach (var file in Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var later = Path.Combine(root, "kupang-later");
        foreach (var file in Directory.GetFiles(Path.Combine(shipped, "kupang-2026"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(later, Path.GetRelativePath(Path.Combine(shipped, "kupang-2026"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, File.ReadAllText(file)
                .Replace("id: kupang-pb-2026", "id: kupang-pb-later", StringComparison.Ordinal)
                .Replace("effectiveFrom: 2026-11-30", $"effectiveFrom: {effectiveFrom:yyyy-MM-dd}", StringComparison.Ordinal)
                .Replace("check: {fact: declarations, contains: higiene-sanitasi}", "check: {fact: declarations, contains: higiene-sanitasi-terlatih}", StringComparison.Ordinal));
        }

        return root;
    }

    /// <summary>`audit verify` on the portal's own host (real time), once the integrator has placed every entry.</summary>
    private async Task VerifyLogAsync()
    {
        await Settle.LogIntegratedAsync(portal.Factory.Services);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Valid, verification.Problem);
    }

    private static DateTimeOffset WitaMidnight(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();

    private static DateTimeOffset WitaNoon(DateOnly date) => WitaMidnight(date).AddHours(12);
}

public sealed class RenewalTestsOnSqlite(SqlitePortal portal) : RenewalTests(portal), IClassFixture<SqlitePortal>;

public sealed class RenewalTestsOnPostgres(PostgresPortal portal) : RenewalTests(portal), IClassFixture<PostgresPortal>;
