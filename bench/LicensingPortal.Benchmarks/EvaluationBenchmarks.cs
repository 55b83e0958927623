using BenchmarkDotNet.Attributes;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Benchmarks;

/// <summary>
/// One application through the whole Kupang rule set: our engine with its full explanation (every requirement's
/// status, the facts it read with their values, the bound it compared against) against Microsoft RulesEngine
/// evaluating the same requirements on the same facts, in the same run.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private CompiledRuleSet ruleSet = null!;
    private RulesEngine.RulesEngine rulesEngine = null!;
    private ApplicationFacts facts = null!;

    [Params("approved", "rejected")]
    public string Application { get; set; } = "approved";

    [GlobalSetup]
    public void Setup()
    {
        ruleSet = Repository.Load();
        rulesEngine = MicrosoftRulesEngine.Create();
        facts = Application == "approved" ? Repository.Approved() : Repository.Rejected();

        // Both engines must reach the same verdict on every requirement, or the comparison means nothing.
        var ours = ruleSet.Evaluate(facts).FailedRequirementIds.Order(StringComparer.Ordinal).ToArray();
        var theirs = RulesEngineFailures().Order(StringComparer.Ordinal).ToArray();
        if (!ours.SequenceEqual(theirs))
        {
            throw new InvalidOperationException($"Engines disagree: ours [{string.Join(", ", ours)}], RulesEngine [{string.Join(", ", theirs)}]");
        }
    }

    [Benchmark(Baseline = true, Description = "Microsoft RulesEngine 6.0.1")]
    public async Task<int> RulesEngine()
    {
        var context = new FactContext(facts, ruleSet);
        var results = await rulesEngine.ExecuteAllRulesAsync(MicrosoftRulesEngine.Workflow, context);
        return results.Count(r => !r.IsSuccess);
    }

    /// <summary>
    /// The decision with its typed trace: every requirement's status and the snapshot of the typed facts it read
    /// (RulesEngine's result likewise holds each rule's success flag and a reference to its inputs).
    /// </summary>
    [Benchmark(Description = "Kupang engine: decision + typed trace")]
    public Evaluation Kupang() => ruleSet.Evaluate(facts);

    /// <summary>The same, with the trace rendered for people as the API stores it: values formatted, identifiers masked, bounds shown.</summary>
    [Benchmark(Description = "Kupang engine: decision + trace rendered as text")]
    public IReadOnlyList<RequirementOutcome> KupangRendered() => ruleSet.Evaluate(facts).Requirements;

    private IEnumerable<string> RulesEngineFailures()
    {
        var context = new FactContext(facts, ruleSet);
        var results = rulesEngine.ExecuteAllRulesAsync(MicrosoftRulesEngine.Workflow, context).AsTask().GetAwaiter().GetResult();
        foreach (var failure in results.Where(r => !string.IsNullOrEmpty(r.ExceptionMessage)))
        {
            throw new InvalidOperationException($"{failure.Rule.RuleName}: {failure.ExceptionMessage}");
        }

        return results.Where(r => !r.IsSuccess).Select(r => r.Rule.RuleName);
    }
}

/// <summary>The cost of the first decision: loading and compiling the rule set versus building RulesEngine and running it once.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class ColdStartBenchmarks
{
    private ApplicationFacts facts = null!;
    private CompiledRuleSet ruleSet = null!;

    [GlobalSetup]
    public void Setup()
    {
        facts = Repository.Approved();
        ruleSet = Repository.Load();
    }

    [Benchmark(Baseline = true, Description = "RulesEngine: build + first execution")]
    public async Task<int> RulesEngineFirstCall()
    {
        var engine = MicrosoftRulesEngine.Create();
        var results = await engine.ExecuteAllRulesAsync(MicrosoftRulesEngine.Workflow, new FactContext(facts, ruleSet));
        return results.Count(r => !r.IsSuccess);
    }

    [Benchmark(Description = "Kupang: load + type-check + compile + first evaluation")]
    public IReadOnlyList<RequirementOutcome> KupangFirstCall() => Repository.Load().Evaluate(facts).Requirements;
}
