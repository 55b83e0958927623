using LicensingPortal.Api.Features.Audit;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.WhatIf;

/// <summary>
/// Starts a what-if analysis (the same use case as POST /api/audit/what-if): a draft rule set, picked from
/// rules/drafts/ or pasted as YAML, and the period whose decisions it is tried on.
/// </summary>
public sealed class IndexModel : PortalPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["ruleSet"] = nameof(RuleSet),
        ["draft"] = nameof(Draft),
        ["from"] = nameof(FromParts),
        ["to"] = nameof(ToParts),
    };

    [BindProperty]
    public string? Draft { get; set; }

    [BindProperty]
    public string? RuleSet { get; set; }

    /// <summary>The first day of the decisions to evaluate again, as day, month and year.</summary>
    [BindProperty]
    public DateParts FromParts { get; set; } = new();

    [BindProperty]
    public DateParts ToParts { get; set; } = new();

    public IReadOnlyList<Choice> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var drafts = await Sender.Send(new ListWhatIfDrafts.Query(), cancellationToken);
        Drafts = drafts.Succeeded ? drafts.Value.Select(d => new Choice(d, d)).ToList() : [];
        var today = Domain.Wita.Today(Clock);
        FromParts = DateParts.Of(today.AddDays(-30));
        ToParts = DateParts.Of(today);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var from = ReadDate(FromParts, nameof(FromParts));
        var to = ReadDate(ToParts, nameof(ToParts));
        if (FromParts.IsEmpty)
        {
            ModelState.AddModelError(nameof(FromParts), Texts.Get("WhatIf.DatesRequired"));
        }

        if (ToParts.IsEmpty)
        {
            ModelState.AddModelError(nameof(ToParts), Texts.Get("WhatIf.DatesRequired"));
        }

        if (ModelState.IsValid)
        {
            var pasted = string.IsNullOrWhiteSpace(RuleSet) ? null : RuleSet;
            var draft = pasted is null && !string.IsNullOrWhiteSpace(Draft) ? Draft : null;
            var started = await Sender.Send(new StartWhatIf.Command(UserId, pasted, draft, from!.Value, to!.Value), cancellationToken);
            if (started.Succeeded)
            {
                return Redirect($"/petugas/what-if/{started.Value.Id}");
            }

            ShowErrors(started.Error!, FieldMap);
        }

        var drafts = await Sender.Send(new ListWhatIfDrafts.Query(), cancellationToken);
        Drafts = drafts.Succeeded ? drafts.Value.Select(d => new Choice(d, d)).ToList() : [];
        return Page();
    }
}
