using System.Globalization;
using System.Text.RegularExpressions;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// A failed requirement as an applicant reads it: what is wrong and what to do, in plain words from the resource files
/// (<c>Requirement.{id}.Problem</c>, <c>.ProblemWhenEmpty</c>, <c>.Fix</c> and <c>.Fix.{expected value}</c>), with every value named as people know it
/// (a declaration by its title, a document by its name, an activity as "Restoran (KBLI 56101)", money in rupiah). This layer
/// is outside the rule set and its hash (ADR 0014): the rule's own message and the trace stay as they were decided, so
/// every decision replays bit for bit, and officers read the exact values. A requirement without plain words keeps its
/// rule set's message and remedy.
/// </summary>
public static partial class PlainWords
{
    private static readonly System.Resources.ResourceManager Resources = new("LicensingPortal.Api.Resources.SharedResource", typeof(PlainWords).Assembly);

    public static (string Problem, string Fix) Explain(CompiledRequirement requirement, RequirementOutcome outcome, CompiledRuleSet ruleSet, Language language)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var culture = CultureOf(language);
        var actual = outcome.Facts.Count > 0 ? outcome.Facts[0] : null;
        var empty = actual is not null && IsEmpty(actual.Value);
        var problem = (empty ? Text(culture, $"Requirement.{requirement.Id}.ProblemWhenEmpty") : null)
            ?? Text(culture, $"Requirement.{requirement.Id}.Problem");
        // A remedy may be worded for the value the rule expected (LINGKUNGAN-DOKUMEN: what an SPPL is, and that it is
        // declared on the spot, unlike a UKL-UPL or an AMDAL that must be prepared).
        var fix = (outcome.ExpectedValue.Length > 0 ? Text(culture, $"Requirement.{requirement.Id}.Fix.{outcome.ExpectedValue}") : null)
            ?? Text(culture, $"Requirement.{requirement.Id}.Fix");
        return (
            problem is null ? ruleSet.Explain(outcome, language) : Fill(problem, outcome, ruleSet, language),
            fix is null ? requirement.Remedy.In(language) : Fill(fix, outcome, ruleSet, language));
    }

    /// <summary>A value of a fact as people read it, in their language.</summary>
    public static string Value(string fact, string value, CompiledRuleSet ruleSet, Language language)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var culture = CultureOf(language);
        if (value.StartsWith('[') && value.EndsWith(']'))
        {
            var items = value[1..^1].Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(item => Item(fact, item, ruleSet, language, culture)).ToList();
            return items.Count == 0 ? Text(culture, "Plain.None") ?? string.Empty : Join(items, culture);
        }

        if (value.Length == 0)
        {
            return Text(culture, "Plain.NotGiven") ?? string.Empty;
        }

        return fact switch
        {
            "risk.level" => ruleSet.Definition.RiskLevels.TryGetValue(value, out var risk) ? risk.Title.In(language).ToLower(culture) : value,
            "location.kelurahan" => ruleSet.Definition.Kelurahan.TryGetValue(value, out var kelurahan) ? kelurahan.Name : value,
            "business.scale" => Text(culture, $"Plain.Scale.{value}") ?? value,
            "business.legalForm" => Text(culture, $"LegalForm.{char.ToUpperInvariant(value[0])}{value[1..]}") ?? value,
            "owner.kind" => Text(culture, $"Plain.OwnerKind.{value}") ?? value,
            _ when value is "true" or "false" => Text(culture, value == "true" ? "Plain.Yes" : "Plain.No") ?? value,
            _ when fact.StartsWith("investment.", StringComparison.Ordinal) || fact == "business.annualSales" =>
                decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var money) ? Rupiah(money, culture) : value,
            _ when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date.ToString("d MMMM yyyy", culture),
            _ when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && !fact.StartsWith("location.", StringComparison.Ordinal) => number.ToString("#,0.##", culture),
            _ => Item(fact, value, ruleSet, language, culture),
        };
    }

    private static string Item(string fact, string item, CompiledRuleSet ruleSet, Language language, CultureInfo culture) => fact switch
    {
        "declarations" => Text(culture, $"Declaration.{item}") is { } title ? $"\u201c{title}\u201d" : item,
        "documents" => Text(culture, $"DocumentKind.{item}") ?? item,
        "application.kbli" or "kbli.unknown" or "kbli.notPermittedInZone" =>
            Activity(item, ruleSet, language),
        "permits.required" => ruleSet.Definition.PermitTypes.TryGetValue(item, out var permit) ? permit.Title.In(language) : item,
        _ => item,
    };

    /// <summary>
    /// An activity as people know it, by its words first and its KBLI number after: "Restoran (KBLI 56101)"; by its
    /// number alone ("KBLI 56101") when the catalogue in force no longer has it.
    /// </summary>
    public static string Activity(string code, string? title) => string.IsNullOrWhiteSpace(title) ? $"KBLI {code}" : $"{title} (KBLI {code})";

    /// <summary>An activity named by its title in <paramref name="language"/> from the rule set's catalogue.</summary>
    public static string Activity(string code, CompiledRuleSet ruleSet, Language language)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Activity(code, ruleSet.Definition.Kbli.TryGetValue(code, out var kbli) ? kbli.Title.In(language) : null);
    }

    /// <summary>Whole rupiah with the size in words people use: "Rp10.000.000.000 (10 miliar rupiah)".</summary>
    public static string Rupiah(decimal amount, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var digits = "Rp" + amount.ToString("#,0", culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        (decimal Size, string Indonesian, string English)[] scales = [(1_000_000_000_000m, "triliun", "trillion"), (1_000_000_000m, "miliar", "billion"), (1_000_000m, "juta", "million")];
        foreach (var (size, indonesian, inEnglish) in scales)
        {
            if (Math.Abs(amount) >= size)
            {
                var count = Math.Round(amount / size, 2).ToString("0.##", culture);
                return english ? $"{digits} ({count} {inEnglish} rupiah)" : $"{digits} ({count} {indonesian} rupiah)";
            }
        }

        return digits;
    }

    /// <summary>Items as a sentence lists them in the current language: "a, b dan c", "a, b and c".</summary>
    public static string JoinWithAnd(IReadOnlyList<string> items) => Join([.. items], CultureInfo.CurrentUICulture);

    private static string Join(List<string> items, CultureInfo culture)
    {
        if (items.Count == 1)
        {
            return items[0];
        }

        var and = Text(culture, "Plain.And") ?? "dan";
        return string.Join(", ", items.Take(items.Count - 1)) + $" {and} " + items[^1];
    }

    private static string? Text(CultureInfo culture, string key) => Resources.GetString(key, culture);

    private static CultureInfo CultureOf(Language language) => CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "id-ID");

    private static bool IsEmpty(string value) => value.Length == 0 || value == "[]";

    private static string Fill(string template, RequirementOutcome outcome, CompiledRuleSet ruleSet, Language language) =>
        Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var first = outcome.Facts.Count > 0 ? outcome.Facts[0] : null;
            return name switch
            {
                "actual" => first is null ? string.Empty : Value(first.Fact, first.Value, ruleSet, language),
                "expected" => Value(first?.Fact ?? string.Empty, outcome.ExpectedValue, ruleSet, language),
                _ => outcome.Facts.FirstOrDefault(f => f.Fact == name) is { } fact ? Value(fact.Fact, fact.Value, ruleSet, language) : match.Value,
            };
        });

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z.]*)\}")]
    private static partial Regex Placeholder();
}
