using System.Reflection;
using System.Text.Json;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// The questions of an application, a small group each, in the order the web journey asks them; and which fields
/// of the request each one answers, so that saving one page checks exactly those fields with the request's own
/// validator (the same rules and messages as a whole submission).
/// </summary>
public static class ApplicationSteps
{
    public const string Business = "usaha";
    public const string Activities = "kegiatan";
    public const string Location = "lokasi";
    public const string Operation = "status-usaha";
    public const string Size = "skala";
    public const string Investment = "investasi";
    public const string Environment = "lingkungan";
    public const string Documents = "dokumen";
    public const string Declarations = "pernyataan";

    public static IReadOnlyList<string> All { get; } = [Business, Activities, Location, Operation, Size, Investment, Environment, Documents, Declarations];

    /// <summary>
    /// The request properties each step answers, as the validator names them (a value object's own properties too:
    /// <c>Location.Kelurahan</c>), from the <see cref="AskedOnAttribute"/> of each property of the request.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Properties { get; } = typeof(ApplicationRequest)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, p.GetCustomAttribute<AskedOnAttribute>()?.Step))
        .Where(p => p.Step is not null)
        .GroupBy(p => p.Step!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(p => NamesOf(p.Property)).ToArray(), StringComparer.Ordinal);

    /// <summary>The answers a step's page asks by itself (those marked with a label), in the request's order.</summary>
    public static IReadOnlyList<FormQuestion> QuestionsOf(string step) => Questions.Where(q => q.Step == step).ToList();

    /// <summary>Every answer a page asks by itself.</summary>
    public static IReadOnlyList<FormQuestion> Questions { get; } = typeof(ApplicationRequest)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, Asked: p.GetCustomAttribute<AskedOnAttribute>()))
        .Where(p => p.Asked?.Label is not null)
        .Select(p => new FormQuestion(JsonNamingPolicy.CamelCase.ConvertName(p.Property.Name), p.Asked!.Step, p.Property.PropertyType, p.Asked.Label!, p.Asked.Hint))
        .ToList();

    /// <summary>The step that asks the answer at a request path (its first segment), if any.</summary>
    public static string? StepOfPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.Split('.')[0];
        return Properties.FirstOrDefault(p => p.Value.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))).Key;
    }

    private static IEnumerable<string> NamesOf(PropertyInfo property)
    {
        yield return property.Name;
        if (property.PropertyType.Namespace == typeof(ApplicationRequest).Namespace)
        {
            foreach (var inner in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                yield return $"{property.Name}.{inner.Name}";
            }
        }
    }

    public static bool IsKnown(string? step) => step is not null && Properties.ContainsKey(step);

    /// <summary>The step whose page fixes a failed requirement: that of the first fact it read that a step asks; null when none does.</summary>
    public static string? StepToFix(DecisionExplanation decision, FailedRequirement failed)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(failed);
        return decision.Requirements.FirstOrDefault(r => r.Id == failed.Id)?.Facts.Select(f => StepOfFact(f.Fact)).FirstOrDefault(s => s is not null);
    }

    /// <summary>The earliest step of the journey that fixes one of the decision's failed requirements, or null.</summary>
    public static string? FirstStepToFix(DecisionExplanation decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var steps = decision.FailedRequirements.Select(f => StepToFix(decision, f)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return All.FirstOrDefault(steps.Contains);
    }

    /// <summary>
    /// The step whose answers a fact of the rule set comes from (the page that fixes a failing requirement), or null
    /// for facts about the business itself (identity, legal form), which the application does not change.
    /// </summary>
    public static string? StepOfFact(string fact) => fact switch
    {
        "application.permitType" or "business.hasNib" => Business,
        "application.kbli" or "application.kbliCount" or "risk.level" or "permits.required" => Activities,
        _ when fact.StartsWith("kbli.", StringComparison.Ordinal) => Activities,
        _ when fact.StartsWith("location.", StringComparison.Ordinal) => Location,
        "business.existing" or "business.annualSales" => Operation,
        "application.plannedStartDate" or "workforce.employees" => Size,
        _ when fact.StartsWith("site.", StringComparison.Ordinal) => Size,
        "business.scale" => Investment,
        _ when fact.StartsWith("investment.", StringComparison.Ordinal) => Investment,
        _ when fact.StartsWith("environment.", StringComparison.Ordinal) || fact.StartsWith("building.", StringComparison.Ordinal) => Environment,
        "documents" => Documents,
        "declarations" => Declarations,
        _ when fact.StartsWith("application.", StringComparison.Ordinal) => StepOfPath(fact["application.".Length..]),
        _ => null,
    };
}

/// <summary>
/// The question page of the web journey that asks this answer of <see cref="ApplicationRequest"/>. With a
/// <see cref="Label"/>, the page asks it by itself (a number, a text, or yes or no: see <see cref="FormQuestion"/>) and
/// "check your answers" shows it, so a new answer needs no page of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AskedOnAttribute(string step) : Attribute
{
    public string Step { get; } = step;

    /// <summary>The text key of the question's label, for an answer the page asks by itself.</summary>
    public string? Label { get; init; }

    /// <summary>The text key of the question's hint.</summary>
    public string? Hint { get; init; }
}

/// <summary>
/// An answer a question page asks by itself: its request path, its value's type (text, a whole or decimal number,
/// yes or no, each optional when nullable), its label and hint (text keys).
/// </summary>
public sealed record FormQuestion(string Path, string Step, Type Type, string Label, string? Hint)
{
    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;

    public bool IsYesNo => ValueType == typeof(bool);

    public bool IsNumber => ValueType == typeof(int) || ValueType == typeof(long) || ValueType == typeof(decimal);

    public bool IsOptional => Type == typeof(string) || Nullable.GetUnderlyingType(Type) is not null;
}
