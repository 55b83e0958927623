using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Admin;

/// <summary>
/// Staff accounts (the same use cases as /api/admin/staff): find accounts by part of the e-mail address, role and
/// state, each opening its own page (<see cref="StafAkunModel"/>) to change it; invite a person with their roles; and
/// read the latest staff changes and refused sign-ins.
/// </summary>
public sealed class StafModel : PortalPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["email"] = nameof(Email),
        ["roles"] = nameof(InviteRoles),
        ["language"] = nameof(InviteLanguage),
    };

    private static readonly Dictionary<string, string> FilterMap = new(StringComparer.Ordinal)
    {
        ["search"] = nameof(Cari),
        ["role"] = nameof(Peran),
        ["status"] = nameof(Keadaan),
    };

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> InviteRoles { get; set; } = [];

    [BindProperty]
    public string? InviteLanguage { get; set; } = Languages.Indonesian;

    /// <summary>Part of the e-mail address to find.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Peran { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keadaan { get; set; }

    /// <summary>Whether the list is narrowed by any of the filters (and they were accepted).</summary>
    public bool Filtered { get; private set; }

    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public IReadOnlyList<ListStaffChanges.Item> Changes { get; private set; } = [];

    /// <summary>The latest refused sign-ins: a wrong password or code, a locked or deactivated account.</summary>
    public IReadOnlyList<ListSignIns.Item> Refused { get; private set; } = [];

    /// <summary>What was just done, said in a banner.</summary>
    public string? Done { get; private set; }

    public static IReadOnlyList<Choice> LanguageChoices =>
        [new(Languages.Indonesian, "Bahasa Indonesia"), new(Languages.English, "English")];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new InviteStaff.Command(UserId, Email ?? string.Empty, InviteRoles, InviteLanguage), cancellationToken);
        if (result.Succeeded)
        {
            Done = Texts.Format("Staff.Invited", result.Value.Email);
            Email = null;
            InviteRoles = [];
            ModelState.Clear();
        }
        else
        {
            ShowErrors(result.Error!, FieldMap);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// The accounts the filters find, the filters spelt as the lists spell them (so the form shows what is applied); a
    /// filter the lists do not know (an old or edited address) is said at its field, and the others still apply.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var members = await Sender.Send(new ListStaff.Query(Cari, Peran, Keadaan), cancellationToken);
        HashSet<string> refused = members.Succeeded ? [] : members.Error!.Errors?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        if (!members.Succeeded)
        {
            ShowErrors(members.Error!, FilterMap);
            members = await Sender.Send(new ListStaff.Query(Accepted("search", Cari), Accepted("role", Peran), Accepted("status", Keadaan)), cancellationToken);
        }

        string? Accepted(string field, string? value) => refused.Contains(field) ? null : value;
        if (!refused.Contains("role"))
        {
            Peran = ListStaff.RoleOf(Peran);
            ModelState.Remove(nameof(Peran));
        }

        if (!refused.Contains("status"))
        {
            Keadaan = ListStaff.StatusOf(Keadaan) is { } status ? ListStaff.NameOf(status) : null;
            ModelState.Remove(nameof(Keadaan));
        }

        Filtered = !string.IsNullOrWhiteSpace(Accepted("search", Cari)) || Accepted("role", Peran) is not null || Accepted("status", Keadaan) is not null;
        Members = members.Succeeded ? members.Value : [];
        Changes = (await Sender.Send(new ListStaffChanges.Query(), cancellationToken)).Value.Take(20).ToList();
        Refused = (await Sender.Send(new ListSignIns.Query(null, OnlyFailed: true), cancellationToken)).Value.Take(20).ToList();
    }
}
