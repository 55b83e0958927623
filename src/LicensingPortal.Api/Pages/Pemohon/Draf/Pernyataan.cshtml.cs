using LicensingPortal.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>The declarations and commitments the applicant makes; which are required depends on the activities' risk.</summary>
public sealed class PernyataanModel : DraftStepPage
{
    public static readonly string[] Known = ["kebenaran-data", "pemenuhan-standar", "komitmen-verifikasi-standar", "komitmen-izin", "higiene-sanitasi"];

    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal) { ["declarations"] = nameof(Declarations) };

    [BindProperty]
    public List<string> Declarations { get; set; } = [];

    /// <summary>
    /// Each declaration; those the answers so far call for say so ("required for your business") and come first, the
    /// others folded under "other statements (not needed for your business)": a shop owner afraid of missing one would
    /// otherwise tick them all, "I will not open before the permit" among them for a shop already open. With no
    /// pre-check to tell, all are shown alike.
    /// </summary>
    public IReadOnlyList<Choice> Choices
    {
        get
        {
            var required = RequiredForYou;
            var others = required.Count > 0 ? Texts.Get("Journey.Declarations.Others") : null;
            return
            [
                .. Known.Where(required.Contains).Select(d => Marked(d, Texts.Get($"Declaration.{d}"), Texts.Get($"Declaration.{d}.Hint"), true, "Journey.Declarations.RequiredForYou")),
                .. Known.Where(d => !required.Contains(d)).Select(d => new Choice(d, Texts.Get($"Declaration.{d}"), Texts.Get($"Declaration.{d}.Hint"), others)),
            ];
        }
    }

    /// <summary>The declarations these answers call for, as the pre-check's decision says; empty when it could not run.</summary>
    public IReadOnlySet<string> RequiredForYou => Precheck is { Succeeded: true } precheck
        ? precheck.Value.DeclarationsAsked()
        : new HashSet<string>(StringComparer.Ordinal);

    public override string Step => ApplicationSteps.Declarations;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    protected override void Show(ApplicationRequest answers) => Declarations = [.. answers.Declarations ?? []];

    protected override ApplicationRequest? Read() => Answers with { Declarations = Declarations.Where(Known.Contains).Distinct().ToList() };
}
