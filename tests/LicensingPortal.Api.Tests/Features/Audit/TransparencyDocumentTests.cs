using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Audit;

/// <summary>The worked example of docs/transparency.md, recomputed with the service's own code: the document cannot drift from the log.</summary>
public sealed class TransparencyDocumentTests
{
    private static readonly Guid Application = Guid.Parse("0194c8a2b1f07c3e9d5a4b6c7e8f9a01");
    private static readonly Guid ApplicantAccount = Guid.Parse("0194c8a2a0e47d1f8b3c2d4e5f607182");
    private static readonly string Document = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "transparency.md"));

    [Fact]
    public void WorkedExample_MatchesThePayloadsLeavesAndRootTheLogComputes()
    {
        var facts = LogPayloads.Sha256("""{"example":"facts"}""");
        var trace = LogPayloads.Sha256("""[{"example":"trace"}]""");
        var submission = LogPayloads.Submission(Application, facts);
        var decision = LogPayloads.ForDecision(Application, approved: true, string.Concat(Enumerable.Repeat("ab", 32)), [], ["NIB"], trace);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1764460800000);
        var first = TransparencyLogEntry.Append(start, LogActors.Applicant(ApplicantAccount), LogEntryTypes.Submission, Application, submission);
        var second = TransparencyLogEntry.Append(start.AddMilliseconds(42), LogActors.Engine, LogEntryTypes.Decision, Application, decision);
        var root = MerkleTree.Root([first.LeafHash, second.LeafHash]);

        foreach (var figure in new[] { facts, trace, submission, decision, Convert.ToHexStringLower(first.LeafHash), Convert.ToHexStringLower(second.LeafHash), Convert.ToHexStringLower(root), Convert.ToBase64String(root) })
        {
            Assert.Contains(figure, Document, StringComparison.Ordinal);
        }

        Assert.Contains(System.Text.Encoding.UTF8.GetString(first.CanonicalBytes()), Document, StringComparison.Ordinal);
        Assert.Contains(System.Text.Encoding.UTF8.GetString(second.CanonicalBytes()), Document, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocumentedOrigin_IsTheOneCheckpointsAreSignedWith() =>
        Assert.Contains(CheckpointSigner.Origin, Document, StringComparison.Ordinal);
}
