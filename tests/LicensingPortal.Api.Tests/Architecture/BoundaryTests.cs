using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using LicensingPortal.Rules;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace LicensingPortal.Api.Tests.Architecture;

/// <summary>
/// The boundaries the code keeps (docs/adr/0010, 0016): the engine knows nothing of the web or the database, the
/// domain nothing of infrastructure or use cases, infrastructure nothing of use cases; what several features share
/// (recording a decision, notices, counting: Shared) uses no feature; no feature folder uses another; pages reach
/// the data only through use cases.
/// </summary>
public sealed class BoundaryTests
{
    private const string Api = "LicensingPortal.Api";

    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader()
        .LoadAssemblies(typeof(Program).Assembly, typeof(RuleLibrary).Assembly)
        .Build();

    /// <summary>Read from the compiled assembly: a compiler records a reference only to an assembly the code uses.</summary>
    [Fact]
    public void RulesEngine_ReferencesNeitherAspNetCoreNorEntityFramework()
    {
        var references = typeof(RuleLibrary).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_ReferencesNeitherInfrastructureNorFeatures() =>
        Types().That().ResideInNamespaceMatching($@"^{Api}\.Domain(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.(Infrastructure|Features|Composed|Hosting|Cli)(\..*)?$"))
            .Check(Code);

    [Fact]
    public void Infrastructure_ReferencesNoFeatures() =>
        Types().That().ResideInNamespaceMatching($@"^{Api}\.Infrastructure(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.(Features|Composed|Hosting|Cli)(\..*)?$"))
            .Check(Code);

    [Fact]
    public void FeatureFolders_FormNoCycle() =>
        SliceRuleDefinition.Slices().Matching($"{Api}.Features.(*)").Should().BeFreeOfCycles().Check(Code);

    [Fact]
    public void Shared_ReferencesNoFeatures() =>
        Types().That().ResideInNamespaceMatching($@"^{Api}\.Shared(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.(Features|Composed|Pages|Hosting|Cli)(\..*)?$"))
            .Check(Code);

    /// <summary>A feature that needs what another has goes through Shared (or the domain), never sideways.</summary>
    [Fact]
    public void FeatureFolders_NeverUseEachOther() =>
        SliceRuleDefinition.Slices().Matching($"{Api}.Features.(*)").Should().NotDependOnEachOther().Check(Code);

    /// <summary>A use case made of other features' use cases (Composed) sits above the features: none of them uses it.</summary>
    [Fact]
    public void Features_NeverUseTheComposedUseCases() =>
        Types().That().ResideInNamespaceMatching($@"^{Api}\.Features(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.Composed(\..*)?$"))
            .Check(Code);

    /// <summary>A composed use case is made of use cases only: what it reads, a feature's use case reads.</summary>
    [Fact]
    public void Composed_StaysOffTheData() =>
        Types().That().ResideInNamespaceMatching($@"^{Api}\.Composed(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.Data(\..*)?$"))
            .Check(Code);

    /// <summary>A page calls use cases through the mediator; it never opens the DbContext itself.</summary>
    [Fact]
    public void Pages_StayOffTheData() =>
        Types().That().ResideInNamespaceMatching($@"^{Api}\.Pages(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.Data(\..*)?$"))
            .Check(Code);
}
