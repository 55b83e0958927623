using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Transparency;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Transparency;

public abstract class TransparencyLogTests(Portal portal)
{
    [Fact]
    public async Task Checkpoint_IsSignedWithEd25519_AndOpenToEveryone()
    {
        using var applicant = await portal.ApplicantAsync();
        await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        await portal.LogIntegratedAsync();

        var checkpoint = await portal.Client.GetFromJsonAsync<Checkpoint>("/api/transparency/checkpoint", TestJson.Options);

        Assert.True(checkpoint!.TreeSize >= 4);
        Assert.StartsWith(CheckpointSigner.Origin + "\n" + checkpoint.TreeSize + "\n", checkpoint.Body, StringComparison.Ordinal);
        Assert.True(CheckpointSigner.Verify(Convert.FromBase64String(checkpoint.PublicKey), checkpoint.Body, Convert.FromBase64String(checkpoint.Signature)));
        Assert.False(CheckpointSigner.Verify(Convert.FromBase64String(checkpoint.PublicKey), checkpoint.Body.Replace("\n" + checkpoint.TreeSize + "\n", "\n1\n", StringComparison.Ordinal), Convert.FromBase64String(checkpoint.Signature)));
    }

    [Fact]
    public async Task ApplicantProof_ShowsTheirDecisionIsInTheSignedTree_AndOnlyTheirs()
    {
        using var applicant = await portal.ApplicantAsync();
        using var stranger = await portal.ApplicantAsync();
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        await portal.LogIntegratedAsync();

        var proof = await applicant.Client.GetFromJsonAsync<GetDecisionProof.DecisionProof>($"/api/applications/{application.Id}/proof", TestJson.Options);

        Assert.Equal(proof!.Checkpoint.RootHash, proof.Inclusion.RootHash);
        Assert.Equal(application.LogPromise!.LeafHash, proof.Inclusion.LeafHash);
        Assert.True(MerkleTree.VerifyInclusion(
            proof.Sequence,
            proof.Inclusion.TreeSize,
            Convert.FromHexString(proof.Inclusion.LeafHash),
            proof.Inclusion.Proof.Select(Convert.FromHexString).ToList(),
            Convert.FromHexString(proof.Checkpoint.RootHash)));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/applications/{application.Id}/proof")).StatusCode);
    }

    [Fact]
    public async Task LaterCheckpoint_IsConsistentWithAnEarlierOne()
    {
        using var applicant = await portal.ApplicantAsync();
        await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        await portal.LogIntegratedAsync();
        var earlier = await portal.Client.GetFromJsonAsync<Checkpoint>("/api/transparency/checkpoint", TestJson.Options);
        await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        await portal.LogIntegratedAsync();
        var later = await portal.Client.GetFromJsonAsync<Checkpoint>("/api/transparency/checkpoint", TestJson.Options);

        var proof = await portal.Client.GetFromJsonAsync<ConsistencyProof>($"/api/transparency/consistency?first={earlier!.TreeSize}&second={later!.TreeSize}", TestJson.Options);

        Assert.True(later.TreeSize > earlier.TreeSize);
        Assert.True(MerkleTree.VerifyConsistency(earlier.TreeSize, later.TreeSize, Convert.FromHexString(earlier.RootHash), Convert.FromHexString(later.RootHash), proof!.Proof.Select(Convert.FromHexString).ToList()));
    }

    [Fact]
    public async Task Verify_FindsAChangedDecision_ADeletedEntry_AndReorderedEntries()
    {
        using var applicant = await portal.ApplicantAsync();
        using var admin = await portal.StaffAsync(Roles.Admin);
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        await portal.LogIntegratedAsync();
        Assert.True((await VerifyAsync(admin)).Valid);

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var decisionEntry = await db.TransparencyLog.AsNoTracking().SingleAsync(e => e.SubjectId == application.Id && e.Type == "decision");

        // 1. Someone flips a rejection to an approval directly in the database.
        await db.Database.ExecuteSqlRawAsync("UPDATE decisions SET approved = NOT approved WHERE application_id = {0}", application.Id);
        var changed = await VerifyAsync(admin);
        Assert.False(changed.Valid);
        Assert.Equal(decisionEntry.Sequence, changed.FirstBadSequence);
        await db.Database.ExecuteSqlRawAsync("UPDATE decisions SET approved = NOT approved WHERE application_id = {0}", application.Id);
        Assert.True((await VerifyAsync(admin)).Valid);

        // 2. Someone deletes an entry.
        var victim = await db.TransparencyLog.AsNoTracking().SingleAsync(e => e.Sequence == 1);
        await db.TransparencyLog.Where(e => e.Sequence == 1).ExecuteDeleteAsync();
        var deleted = await VerifyAsync(admin);
        Assert.False(deleted.Valid);
        Assert.Equal(1, deleted.FirstBadSequence);
        db.TransparencyLog.Add(victim);
        await db.SaveChangesAsync();
        Assert.True((await VerifyAsync(admin)).Valid);

        // 3. Someone swaps two entries: each still matches its record, but the tree is no longer the one the
        // integrator signed at the end of their batch, which pins the change to that batch.
        await Swap(db, 2, 3);
        var reordered = await VerifyAsync(admin);
        Assert.False(reordered.Valid);
        Assert.InRange(reordered.FirstBadSequence!.Value, 0, 2);
        Assert.Contains("no longer form the tree signed at size", reordered.Problem, StringComparison.Ordinal);
        await Swap(db, 2, 3);
        Assert.True((await VerifyAsync(admin)).Valid);
    }

    [Fact]
    public async Task Verify_IsForAdminsOnly()
    {
        using var officer = await portal.StaffAsync(Roles.Officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.PostAsync("/api/admin/audit/verify", null)).StatusCode);
    }

    private static async Task Swap(LicensingDbContext db, long a, long b)
    {
        await db.Database.ExecuteSqlRawAsync("UPDATE transparency_log SET sequence = -1 WHERE sequence = {0}", a);
        await db.Database.ExecuteSqlRawAsync("UPDATE transparency_log SET sequence = {0} WHERE sequence = {1}", a, b);
        await db.Database.ExecuteSqlRawAsync("UPDATE transparency_log SET sequence = {0} WHERE sequence = -1", b);
    }

    private static async Task<LogVerifier.Report> VerifyAsync(Account admin)
    {
        var response = await admin.Client.PostAsync("/api/admin/audit/verify", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options))!;
    }
}

public sealed class TransparencyLogTestsOnSqlite(TransparencyLogTestsOnSqlite.OwnPortal portal) : TransparencyLogTests(portal), IClassFixture<TransparencyLogTestsOnSqlite.OwnPortal>
{
    public sealed class OwnPortal() : Portal(DatabaseProvider.Sqlite);
}

public sealed class TransparencyLogTestsOnPostgres(TransparencyLogTestsOnPostgres.OwnPortal portal) : TransparencyLogTests(portal), IClassFixture<TransparencyLogTestsOnPostgres.OwnPortal>
{
    public sealed class OwnPortal() : Portal(DatabaseProvider.Postgres);
}

/// <summary>The `audit verify` verb of the API executable, run as an operator would.</summary>
public sealed class AuditVerifyVerbTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task AuditVerify_OnAnIntactLog_PassesWithExitCodeZero()
    {
        using var applicant = await portal.ApplicantAsync();
        await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        await portal.LogIntegratedAsync();

        var (exitCode, output) = await ApiProcess.RunAsync(["audit", "verify"], new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = portal.DataDirectory,
            ["Permits__SigningKey"] = Portal.DefaultSettings()["Permits:SigningKey"]!,
            ["Transparency__SigningKey"] = Portal.DefaultSettings()["Transparency:SigningKey"]!,
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains("audit verify passed", output, StringComparison.Ordinal);
    }
}
