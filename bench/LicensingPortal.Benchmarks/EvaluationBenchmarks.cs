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
        var ours = ruleSet.Evaluate(facts).Failed.Select(f => f.RequirementId).Order(StringComparer.Ordinal).ToArray();
        var theirs = RulesEngineFailures().Order(StringComparer.Ordinal).ToArray();
        if (!ours.SequenceEqual(theirs))
        {
            throw new InvalidOperationException($"Engines disagree: ours [{string.Join(", ", ours)}], RulesEngine [{string.Join(", ", theirs)}]");
        }
    }

    [Benchmark(Baseline = true, Description = "Microsoft RulesEngine 6.0.1")]
    public async Task<int> RulesEngine()
    {
        var context = new FactContext(facts, ruleSet.Definition);
        var results = await rulesEngine.ExecuteAllRulesAsync(MicrosoftRulesEngine.Workflow, context);
        return results.Count(r => !r.IsSuccess);
    }

    [Benchmark(Description = "Kupang engine, full explanation")]
    public Evaluation Kupang() => ruleSet.Evaluate(facts);

    private IEnumerable<string> RulesEngineFailures()
    {
        var context = new FactContext(facts, ruleSet.Definition);
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
    private Rules.Model.RuleSetDefinition definition = null!;

    [GlobalSetup]
    public void Setup()
    {
        facts = Repository.Approved();
        definition = Repository.Load().Definition;
    }

    [Benchmark(Baseline = true, Description = "RulesEngine: build + first execution")]
    public async Task<int> RulesEngineFirstCall()
    {
        var engine = MicrosoftRulesEngine.Create();
        var results = await engine.ExecuteAllRulesAsync(MicrosoftRulesEngine.Workflow, new FactContext(facts, definition));
        return results.Count(r => !r.IsSuccess);
    }

    [Benchmark(Description = "Kupang: load + type-check + compile + first evaluation")]
    public Evaluation KupangFirstCall() => Repository.Load().Evaluate(facts);
}
