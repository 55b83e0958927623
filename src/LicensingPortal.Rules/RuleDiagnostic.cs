using LicensingPortal.Rules.Documents;

namespace LicensingPortal.Rules;

/// <summary>A problem found in a rule set or seed table, reported as file:line:column: message.</summary>
public sealed record RuleDiagnostic(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
