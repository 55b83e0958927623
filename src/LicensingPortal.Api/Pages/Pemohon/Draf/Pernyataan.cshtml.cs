using LicensingPortal.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>The declarations and commitments the applicant makes; which are required depends on the activities' risk.</summary>
public sealed class PernyataanModel : DraftStepPage
{
    public static readonly string[] Known = ["kebenaran-data", "pemenuhan-standar", "komitmen-verifikasi-standar", "komitmen-izin", "higiene-sanitasi"];

    /// <summary>A requirement's status in the trace when it does not apply to the answers.</summary>
    private const string NotApplicable = "notApplicable";

    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal) { ["declarations"] = nameof(Declarations) };

    [BindProperty]
    public List<string> Declarations { get; set; } = [];

    /// <summary>Each declaration; those the answers so far call for say so first ("required for your business").</summary>
    public IReadOnlyList<Choice> Choices =>
    [
        .. Known.Select(d => new Choice(
            d,
            Texts.Get($"Declaration.{d}"),
            RequiredForYou.Contains(d) ? $"{Texts.Get("Journey.Declarations.RequiredForYou")} {Texts.Get($"Declaration.{d}.Hint")}" : Texts.Get($"Declaration.{d}.Hint"))),
    ];

    /// <summary>
    /// The declarations that requirements applying to these answers ask for, read from the pre-check's trace (a
    /// requirement on the fact "declarations" that applies, and the declaration it expects): the rule set decides, not
    /// this page. Empty when the pre-check could not run.
    /// </summary>
    public IReadOnlySet<string> RequiredForYou => Precheck is { Succeeded: true } precheck
        ? precheck.Value.Requirements
            .Where(r => r.Status != NotApplicable && r.Facts.Any(f => f.Fact == "declarations") && Known.Contains(r.ExpectedValue))
            .Select(r => r.ExpectedValue)
            .ToHashSet(StringComparer.Ordinal)
        : new HashSet<string>(StringComparer.Ordinal);

    public override string Step => ApplicationSteps.Declarations;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    protected override void Show(ApplicationRequest answers) => Declarations = [.. answers.Declarations ?? []];

    protected override ApplicationRequest? Read() => Answers with { Declarations = Declarations.Where(Known.Contains).Distinct().ToList() };
}
