using System.Linq.Expressions;
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
    private readonly Action<FactContext, RequirementStatus[]> run;

    internal CompiledRuleSet(RuleSetDefinition definition, IReadOnlyList<CompiledRequirement> requirements, string hash, string canonicalContent)
    {
        Definition = definition;
        Requirements = requirements.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        Hash = hash;
        CanonicalContent = canonicalContent;
        byId = Requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Tables = new RuleSetTables(definition);
        run = CompileAll(Requirements);
    }

    public RuleSetDefinition Definition { get; }

    public string Id => Definition.Id;

    public DateOnly EffectiveFrom => Definition.EffectiveFrom;

    /// <summary>Lowercase hex SHA-256 of <see cref="CanonicalContent"/>.</summary>
    public string Hash { get; }

    /// <summary>The rule set with the seed tables it reads, as canonical JSON: enough to evaluate it again without the files.</summary>
    public string CanonicalContent { get; }

    public IReadOnlyList<CompiledRequirement> Requirements { get; }

    /// <summary>The seed tables arranged for deriving facts.</summary>
    internal RuleSetTables Tables { get; }

    public CompiledRequirement? FindRequirement(string id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// Derives the facts once, then runs every requirement — all of them, never stopping at the first failure — in
    /// one compiled delegate that writes each requirement's status. The result keeps the statuses and the facts;
    /// its trace is rendered from them when first read.
    /// </summary>
    public Evaluation.Evaluation Evaluate(ApplicationFacts facts)
    {
        var context = new FactContext(facts, this);
        var statuses = new RequirementStatus[Requirements.Count];
        run(context, statuses);
        return new Evaluation.Evaluation(this, context, statuses);
    }

    /// <summary>Each requirement's outcome as people read it: the facts it read, formatted once each, and its bound.</summary>
    internal RequirementOutcome[] Trace(FactContext context, RequirementStatus[] statuses)
    {
        var readings = new FactReading?[FactCatalog.Count];
        var outcomes = new RequirementOutcome[Requirements.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var requirement = Requirements[i];
            var facts = requirement.TraceFacts;
            var read = new FactReading[facts.Length];
            for (var j = 0; j < facts.Length; j++)
            {
                var fact = facts[j];
                read[j] = readings[fact.Ordinal] ??= new FactReading(fact.Name, fact.Format(context));
            }

            outcomes[i] = new RequirementOutcome(requirement.Id, statuses[i], read, requirement.Check.Expected, requirement.Check.ExpectedValue(context));
        }

        return outcomes;
    }

    /// <summary>
    /// All requirements as one delegate: <c>statuses[i] = applies_i ? (check_i ? Passed : Failed) : NotApplicable</c>
    /// for every i, with each condition's expression tree inlined (no delegate call per condition).
    /// </summary>
    private static Action<FactContext, RequirementStatus[]> CompileAll(IReadOnlyList<CompiledRequirement> requirements)
    {
        var facts = Expression.Parameter(typeof(FactContext), "facts");
        var statuses = Expression.Parameter(typeof(RequirementStatus[]), "statuses");
        var assignments = requirements.Select((requirement, index) => (Expression)Expression.Assign(
            Expression.ArrayAccess(statuses, Expression.Constant(index)),
            Expression.Condition(
                ParameterReplacer.Inline(requirement.AppliesWhen.Condition, facts),
                Expression.Condition(
                    ParameterReplacer.Inline(requirement.Check.Condition, facts),
                    Expression.Constant(RequirementStatus.Passed),
                    Expression.Constant(RequirementStatus.Failed)),
                Expression.Constant(RequirementStatus.NotApplicable))));
        var body = Expression.Block(typeof(void), assignments.DefaultIfEmpty(Expression.Empty()));
        return Expression.Lambda<Action<FactContext, RequirementStatus[]>>(body, facts, statuses).Compile();
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
            "actual" => ForPeople(actual, language),
            "expected" => ForPeople(outcome.ExpectedValue, language),
            var name => outcome.Facts.FirstOrDefault(f => f.Fact == name) is { } fact ? ForPeople(fact.Value, language) : match.Value,
        });
    }

    /// <summary>
    /// A value as an applicant reads it: a list without the trace's brackets, an empty list as "none" in their
    /// language (the trace keeps the exact form for officers).
    /// </summary>
    private static string ForPeople(string value, Language language) => value switch
    {
        "[]" => language == Language.English ? "none" : "tidak ada",
        ['[', .., ']'] => value[1..^1],
        _ => value,
    };
}
