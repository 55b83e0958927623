using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using LicensingPortal.Rules;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace LicensingPortal.Api.Tests.Architecture;

/// <summary>
/// The boundaries the code keeps (docs/adr/0010): the engine knows nothing of the web or the database, the domain
/// nothing of infrastructure or use cases, infrastructure nothing of use cases, and no two feature folders need
/// each other.
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
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.(Infrastructure|Features|Hosting|Cli)(\..*)?$"))
            .Check(Code);

    [Fact]
    public void Infrastructure_ReferencesNoFeatures() =>
        Types().That().ResideInNamespaceMatching($@"^{Api}\.Infrastructure(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Api}\.(Features|Hosting|Cli)(\..*)?$"))
            .Check(Code);

    [Fact]
    public void FeatureFolders_FormNoCycle() =>
        SliceRuleDefinition.Slices().Matching($"{Api}.Features.(*)").Should().BeFreeOfCycles().Check(Code);
}
