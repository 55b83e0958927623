using System.Globalization;
using System.Text.Json;
using LicensingPortal.Api.Features.Permits;
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
    IReadOnlyList<Guid> DocumentIds,
    DateTimeOffset SubmittedAt,
    DateOnly SubmissionDate,
    DecisionResponse? Decision,
    IReadOnlyList<PermitResponse> Permits,
    ResubmissionView? Resubmission);

/// <summary>Where an application stands in a chain of corrections, and what changed from the one it corrects.</summary>
public sealed record ResubmissionView(Guid? PreviousApplicationId, Guid? ResubmittedAsId, IReadOnlyList<FieldChange> Changes);

public sealed record FieldChange(string Field, string? Before, string? After);

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
    public static ApplicationResponse Render(
        PermitApplication application,
        CompiledRuleSet? ruleSet,
        Language language,
        IReadOnlyList<PermitResponse>? permits = null,
        ResubmissionView? resubmission = null)
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
            application.DocumentIds,
            application.SubmittedAt,
            application.SubmissionDate,
            decision,
            permits ?? [],
            resubmission);
    }

    /// <summary>The fields an applicant states, as text, to show what a resubmission changed.</summary>
    public static IReadOnlyList<FieldChange> Changes(PermitApplication before, PermitApplication after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Fields(before);
        var current = Fields(after);
        return current.Keys.Where(k => old[k] != current[k]).Select(k => new FieldChange(k, old[k], current[k])).ToList();
    }

    private static Dictionary<string, string?> Fields(PermitApplication a) => new(StringComparer.Ordinal)
    {
        ["permitType"] = a.PermitType,
        ["kbli"] = string.Join(", ", a.KbliCodes),
        ["location.kelurahan"] = a.KelurahanCode,
        ["location.address"] = a.Address,
        ["location.latitude"] = a.Latitude is { } latitude ? Plain(latitude) : null,
        ["location.longitude"] = a.Longitude is { } longitude ? Plain(longitude) : null,
        ["location.polygon"] = string.Join("; ", a.Polygon),
        ["landAreaM2"] = Plain(a.LandAreaM2),
        ["buildingAreaM2"] = Plain(a.BuildingAreaM2),
        ["investment.land"] = a.Investment.Land.ToString(CultureInfo.InvariantCulture),
        ["investment.buildings"] = a.Investment.Buildings.ToString(CultureInfo.InvariantCulture),
        ["investment.machinery"] = a.Investment.Machinery.ToString(CultureInfo.InvariantCulture),
        ["investment.workingCapital"] = a.Investment.WorkingCapital.ToString(CultureInfo.InvariantCulture),
        ["employees"] = a.Employees.ToString(CultureInfo.InvariantCulture),
        ["plannedStartDate"] = a.PlannedStartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["declarations"] = string.Join(", ", a.Declarations.Order(StringComparer.Ordinal)),
        ["documentIds"] = string.Join(", ", a.DocumentIds),
        ["environmentalDocument"] = a.EnvironmentalDocument,
        ["buildingApprovalNumber"] = a.BuildingApprovalNumber,
    };

    public static IReadOnlyList<RequirementOutcome> ReadTrace(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return JsonSerializer.Deserialize<List<RequirementOutcome>>(decision.TraceJson, Json.Options) ?? [];
    }

    /// <summary>A decimal without the trailing zeros a database may add (90.0 and 90 are the same area).</summary>
    private static string Plain(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

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
