using LicensingPortal.Rules.Documents;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Compilation;

/// <summary>One requirement ready to run: when it applies, what it checks, and how a failure is explained.</summary>
public sealed record CompiledRequirement(
    string Id,
    LocalizedText Title,
    LocalizedText Message,
    LocalizedText Remedy,
    LegalBasis LegalBasis,
    CompiledPredicate AppliesWhen,
    CompiledPredicate Check,
    SourceLocation Location)
{
    /// <summary>The facts the trace shows for this requirement: those its check reads first, then its applicability.</summary>
    public FactDefinition[] TraceFacts { get; } = Check.Reads.Concat(AppliesWhen.Reads).Distinct().ToArray();
}
