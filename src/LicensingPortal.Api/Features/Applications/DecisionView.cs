using System.Text.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

public sealed record ApplicationResponse(
    Guid Id,
    Guid BusinessId,
    ApplicationStatus Status,
    string PermitType,
    IReadOnlyList<string> Kbli,
    string Kelurahan,
    string? Kecamatan,
    DateTimeOffset SubmittedAt,
    DateOnly SubmissionDate,
    DecisionResponse? Decision);

public sealed record DecisionResponse(
    string Outcome,
    DateTimeOffset DecidedAt,
    RuleSetReference RuleSet,
    string Scale,
    string RiskLevel,
    IReadOnlyList<PermitReference> RequiredPermits,
    IReadOnlyList<FailedRequirement> FailedRequirements,
    IReadOnlyList<RequirementTrace> Requirements);

public sealed record RuleSetReference(string Id, string Hash, DateOnly EffectiveFrom);

public sealed record PermitReference(string Type, string Title);

public sealed record FailedRequirement(string Id, string Title, string Message, string Remedy, LegalBasisView LegalBasis);

public sealed record LegalBasisView(string Regulation, string Article, string? Url);

public sealed record RequirementTrace(string Id, string Title, string Status, IReadOnlyList<FactReading> Facts, string Expected, string ExpectedValue);

/// <summary>Renders an application and its decision in the reader's language, from what was stored when it was decided.</summary>
public static class DecisionView
{
    public static ApplicationResponse Render(PermitApplication application, CompiledRuleSet? ruleSet, Language language)
    {
        ArgumentNullException.ThrowIfNull(application);
        var decision = application.Decision is { } d && ruleSet is not null ? RenderDecision(d, ruleSet, language) : null;
        return new ApplicationResponse(
            application.Id,
            application.BusinessId,
            application.Status,
            application.PermitType,
            application.KbliCodes,
            application.KelurahanCode,
            application.KecamatanCode,
            application.SubmittedAt,
            application.SubmissionDate,
            decision);
    }

    public static IReadOnlyList<RequirementOutcome> ReadTrace(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return JsonSerializer.Deserialize<List<RequirementOutcome>>(decision.TraceJson, Json.Options) ?? [];
    }

    private static DecisionResponse RenderDecision(Decision decision, CompiledRuleSet ruleSet, Language language)
    {
        var trace = ReadTrace(decision);
        var failed = trace
            .Where(o => o.Status == RequirementStatus.Failed)
            .Select(o =>
            {
                var requirement = ruleSet.FindRequirement(o.RequirementId)!;
                return new FailedRequirement(
                    requirement.Id,
                    requirement.Title.In(language),
                    ruleSet.Explain(o, language),
                    requirement.Remedy.In(language),
                    new LegalBasisView(requirement.LegalBasis.Regulation, requirement.LegalBasis.Article, requirement.LegalBasis.Url));
            })
            .ToList();
        var requirements = trace
            .Select(o => new RequirementTrace(o.RequirementId, ruleSet.FindRequirement(o.RequirementId)?.Title.In(language) ?? o.RequirementId, JsonNamingPolicy.CamelCase.ConvertName(o.Status.ToString()), o.Facts, o.Expected, o.ExpectedValue))
            .ToList();
        var permits = decision.RequiredPermits
            .Select(p => new PermitReference(p, ruleSet.Definition.PermitTypes.TryGetValue(p, out var type) ? type.Title.In(language) : p))
            .ToList();
        return new DecisionResponse(
            decision.Approved ? "approved" : "rejected",
            decision.DecidedAt,
            new RuleSetReference(ruleSet.Id, ruleSet.Hash, ruleSet.EffectiveFrom),
            decision.Scale,
            decision.RiskLevel,
            permits,
            failed,
            requirements);
    }
}
