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

    /// <summary>Each declaration; those the answers so far call for say so first ("required for your business").</summary>
    public IReadOnlyList<Choice> Choices
    {
        get
        {
            var required = RequiredForYou;
            return
            [
                .. Known.Select(d => Marked(d, Texts.Get($"Declaration.{d}"), Texts.Get($"Declaration.{d}.Hint"), required.Contains(d), "Journey.Declarations.RequiredForYou")),
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
