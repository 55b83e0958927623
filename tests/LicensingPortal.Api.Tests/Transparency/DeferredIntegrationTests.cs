using System.Net;
using System.Net.Http.Json;
using System.Text;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Transparency;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace LicensingPortal.Api.Tests.Transparency;

/// <summary>
/// Submissions write their log entries without a place; the elected integrator numbers them. On PostgreSQL, with
/// many accounts at once: the log stays gapless, a submission's signed promise checks out with the published key
/// and is kept, and an entry committed while no integrator runs is integrated when one does.
/// </summary>
public sealed class DeferredIntegrationTests(PostgresPortal portal) : IClassFixture<PostgresPortal>
{
    [Fact]
    public async Task ConcurrentSubmissionsFromManyAccounts_GetGaplessSequenceNumbers_OnceIntegrated()
    {
        var applicants = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => portal.ApplicantAsync()));
        var requests = await Task.WhenAll(applicants.Select(async a => (a, Request: await a.Client.RestaurantAsync())));

        var submitted = await Task.WhenAll(requests.SelectMany(r => Enumerable.Range(0, 4).Select(i =>
            r.a.Client.SubmitAsync(i % 2 == 0 ? r.Request : r.Request with { Declarations = [] }))));
        await portal.LogIntegratedAsync();

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var sequences = await db.TransparencyLog.AsNoTracking().Select(e => e.Sequence!.Value).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(sequences.Count, (await db.TransparencyLogHead.AsNoTracking().SingleAsync()).Size);
        var decided = submitted.Select(s => s.Id).ToHashSet();
        Assert.Equal(32, await db.TransparencyLog.CountAsync(e => e.Type == "decision" && decided.Contains(e.SubjectId)));

        // Each business's first approval issued its NIB, once, although its two approvals ran at the same time.
        var businesses = requests.Select(r => r.Request.BusinessId).ToList();
        Assert.Equal(8, await db.Permits.CountAsync(p => p.Type == "NIB" && businesses.Contains(p.BusinessId)));
        Assert.Equal(8, await db.Businesses.CountAsync(b => businesses.Contains(b.Id) && b.Nib != null));
        Assert.True((await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None)).Valid);
        foreach (var applicant in applicants)
        {
            applicant.Dispose();
        }
    }

    [Fact]
    public async Task ASubmissionsPromise_VerifiesWithThePublishedKey_AndNamesTheLeafItsProofShows()
    {
        using var applicant = await portal.ApplicantAsync();
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        var promise = application.LogPromise!;
        var pem = await portal.Client.GetByteArrayAsync("/api/transparency/public-key.pem");
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, pem, KeyBlobFormat.PkixPublicKeyText);

        Assert.Equal(CheckpointSigner.PromiseBody(Convert.FromHexString(promise.LeafHash), promise.TimestampMs, 5), promise.Body);
        Assert.Equal(5, promise.MaxMergeDelaySeconds);
        Assert.True(SignatureAlgorithm.Ed25519.Verify(key, Encoding.UTF8.GetBytes(promise.Body), Convert.FromBase64String(promise.Signature)));
        Assert.False(SignatureAlgorithm.Ed25519.Verify(key, Encoding.UTF8.GetBytes(promise.Body.Replace("\n5\n", "\n50\n", StringComparison.Ordinal)), Convert.FromBase64String(promise.Signature)));

        await portal.LogIntegratedAsync();
        var proof = await applicant.Client.GetFromJsonAsync<GetDecisionProof.DecisionProof>($"/api/applications/{application.Id}/proof", TestJson.Options);
        Assert.Equal(promise.LeafHash, proof!.Inclusion.LeafHash);
        Assert.Equal(promise.TimestampMs, proof.OccurredAtMs);
    }
}

/// <summary>A PostgreSQL database whose first instance does not integrate: the integrator is "down" until a test starts one.</summary>
public sealed class PostgresWithoutIntegrator() : Portal(DatabaseProvider.Postgres)
{
    public static Dictionary<string, string?> Integrating() => new(DefaultSettings()) { ["Transparency:Integrate"] = "true" };

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(DefaultSettings()) { ["Transparency:Integrate"] = "false" };
}

public sealed class IntegratorFailoverTests(PostgresWithoutIntegrator portal) : IClassFixture<PostgresWithoutIntegrator>
{
    [Fact]
    public async Task EntriesCommittedWhileNoIntegratorRuns_AreKept_AndIntegratedWhenOneStarts()
    {
        using var applicant = await portal.ApplicantAsync();
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());

        // Committed, promised, not yet placed: the proof answers 202 with the promise and when to ask again.
        var pending = await applicant.Client.GetAsync($"/api/applications/{application.Id}/proof");
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), pending.Headers.RetryAfter?.Delta);
        var waiting = await pending.Content.ReadFromJsonAsync<GetDecisionProof.PendingProof>(TestJson.Options);
        Assert.Equal(application.LogPromise!.Signature, waiting!.Promise.Signature);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            Assert.True(await db.TransparencyLog.CountAsync(e => e.Sequence == null) >= 2);
            var report = await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
            Assert.True(report.Pending >= 2);
        }

        // An integrator starts (a restart, or another instance): nothing committed is lost.
        await using var integrator = portal.Create(PostgresWithoutIntegrator.Integrating());
        await Settle.LogIntegratedAsync(integrator.Services);

        var proof = await applicant.Client.GetFromJsonAsync<GetDecisionProof.DecisionProof>($"/api/applications/{application.Id}/proof", TestJson.Options);
        Assert.Equal(application.LogPromise.LeafHash, proof!.Inclusion.LeafHash);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var verified = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        Assert.True(verified!.Valid, verified.Problem);
        Assert.Equal(0, verified.Pending);
    }

    [Fact]
    public async Task IntegratorsRacingEachOther_NeverNumberAnEntryTwice()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        for (var i = 0; i < 6; i++)
        {
            await applicant.Client.SubmitAsync(i % 2 == 0 ? request : request with { Declarations = [] });
        }

        // Four integrations at once, again and again, as if the election had failed: the head row's lock must keep
        // them in turn, each numbering only what the one before left.
        async Task<int> IntegrateAsync()
        {
            await using var scope = portal.Factory.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new IntegrateLog.Command())).Value;
        }

        while ((await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => IntegrateAsync()))).Sum() > 0)
        {
        }

        await using var check = portal.Factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var sequences = await db.TransparencyLog.AsNoTracking().Select(e => e.Sequence).ToListAsync();
        Assert.DoesNotContain(null, sequences);
        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (long?)i), sequences.Order());
        var verified = await check.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verified.Valid, verified.Problem);
    }

    [Fact]
    public async Task TwoInstances_NeverIntegrateAtOnce_AndTheOtherTakesOverWhenTheLeaderStops()
    {
        var first = portal.Create(PostgresWithoutIntegrator.Integrating());
        await using var second = portal.Create(PostgresWithoutIntegrator.Integrating());
        _ = first.Server;
        _ = second.Server;
        var elections = new[] { first.Services.GetRequiredService<LeaderElection>(), second.Services.GetRequiredService<LeaderElection>() };

        await Eventually.TrueAsync(() => elections.Count(e => e.IsLeader) == 1, "one instance is elected");
        var follower0 = elections.Single(e => !e.IsLeader);
        var refused = follower0.Refusals;

        // The other instance keeps asking (once a second) and is refused each time while the leader runs.
        await Eventually.TrueAsync(
            () =>
            {
                Assert.True(elections.Count(e => e.IsLeader) == 1, "two instances led at once, or none");
                return follower0.Refusals >= refused + 2;
            },
            "the other instance is refused twice more");

        var leader = elections[0].IsLeader ? first : second;
        var follower = leader == first ? second : first;
        Assert.Equal(1, elections.Count(e => e.IsLeader));
        await leader.DisposeAsync();

        await Eventually.TrueAsync(() => follower.Services.GetRequiredService<LeaderElection>().IsLeader, "the other instance takes over");
        using var applicant = await portal.ApplicantAsync();
        await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        await Settle.LogIntegratedAsync(follower.Services);
        if (leader != first)
        {
            await first.DisposeAsync();
        }
    }
}
