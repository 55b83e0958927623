using System.Text.Json.Nodes;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Rules.Tests;

/// <summary>The JSON Schema editors check rule files with must know the same facts and operators as the compiler.</summary>
public sealed class SchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Rules, "ruleset.schema.json")))!;

    [Fact]
    public void Schema_ListsExactlyTheFactsOfTheFactModel()
    {
        var inSchema = Schema["$defs"]!["factName"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(FactCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal), inSchema);
    }

    [Fact]
    public void Schema_ListsTheOperatorsTheCompilerAccepts()
    {
        var comparison = Schema["$defs"]!["condition"]!["oneOf"]!.AsArray().Last()!["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "fact");

        Assert.Equal(
            ["between", "contains", "containsAll", "containsAny", "eq", "gt", "gte", "in", "isEmpty", "lt", "lte", "matches", "ne", "notIn", "subsetOf"],
            comparison.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RequirementsSchema_RefersToTheRuleSetSchema()
    {
        var requirements = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Rules, "requirements.schema.json")))!;

        Assert.Equal("ruleset.schema.json#/$defs/requirement", requirements["properties"]!["requirements"]!["items"]!["$ref"]!.GetValue<string>());
    }
}
