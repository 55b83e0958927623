using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Compilation;

/// <summary>
/// One version of the rules, identified by the SHA-256 of its canonical content, ready to evaluate.
/// Evaluation is a pure function of the application facts: same facts, same rule set, same result.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly Dictionary<string, CompiledRequirement> byId;

    internal CompiledRuleSet(RuleSetDefinition definition, IReadOnlyList<CompiledRequirement> requirements, string hash, string canonicalContent)
    {
        Definition = definition;
        Requirements = requirements.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        Hash = hash;
        CanonicalContent = canonicalContent;
        byId = Requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public RuleSetDefinition Definition { get; }

    public string Id => Definition.Id;

    public DateOnly EffectiveFrom => Definition.EffectiveFrom;

    /// <summary>Lowercase hex SHA-256 of <see cref="CanonicalContent"/>.</summary>
    public string Hash { get; }

    /// <summary>The rule set with the seed tables it reads, as canonical JSON: enough to evaluate it again without the files.</summary>
    public string CanonicalContent { get; }

    public IReadOnlyList<CompiledRequirement> Requirements { get; }

    public CompiledRequirement? FindRequirement(string id) => byId.GetValueOrDefault(id);

    public Evaluation.Evaluation Evaluate(ApplicationFacts facts)
    {
        var context = new FactContext(facts, Definition);
        var outcomes = new RequirementOutcome[Requirements.Count];
        var rejected = false;
        for (var i = 0; i < Requirements.Count; i++)
        {
            var requirement = Requirements[i];
            RequirementStatus status;
            if (!requirement.AppliesWhen.Test(context))
            {
                status = RequirementStatus.NotApplicable;
            }
            else if (requirement.Check.Test(context))
            {
                status = RequirementStatus.Passed;
            }
            else
            {
                status = RequirementStatus.Failed;
                rejected = true;
            }

            outcomes[i] = new RequirementOutcome(requirement.Id, status, Read(requirement, context), requirement.Check.Expected, requirement.Check.ExpectedValue(context));
        }

        return new Evaluation.Evaluation(
            rejected ? Outcome.Rejected : Outcome.Approved,
            Id,
            Hash,
            context.Scale,
            context.Risk?.Id ?? string.Empty,
            context.RequiredPermits.Order(StringComparer.Ordinal).ToArray(),
            outcomes);
    }

    private static FactReading[] Read(CompiledRequirement requirement, FactContext context)
    {
        var facts = requirement.TraceFacts;
        var readings = new FactReading[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            readings[i] = context.Reading(facts[i]);
        }

        return readings;
    }

    /// <summary>The failure message of a requirement in the given language, with {actual}, {expected} and {fact} values filled in.</summary>
    public string Explain(RequirementOutcome outcome, Language language)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var requirement = byId[outcome.RequirementId];
        var template = requirement.Message.In(language);
        var actual = outcome.Facts.Count > 0 ? outcome.Facts[0].Value : string.Empty;
        return RuleSetCompiler.Placeholder().Replace(template, match => match.Groups[1].Value switch
        {
            "actual" => actual,
            "expected" => outcome.ExpectedValue,
            var name => outcome.Facts.FirstOrDefault(f => f.Fact == name)?.Value ?? match.Value,
        });
    }
}
