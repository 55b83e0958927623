using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Admin;

/// <summary>
/// Staff accounts (the same use cases as /api/admin/staff): invite a person with their roles; find accounts by part of
/// the e-mail address, role and state, each opening its own page (<see cref="StafAkunModel"/>) to change it; and read
/// the latest staff changes and sign-ins.
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

    /// <summary>Whether the list is narrowed by any of the filters.</summary>
    public bool Filtered => !string.IsNullOrWhiteSpace(Cari) || !string.IsNullOrEmpty(Peran) || !string.IsNullOrEmpty(Keadaan);

    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public IReadOnlyList<ListStaffChanges.Item> Changes { get; private set; } = [];

    public IReadOnlyList<ListSignIns.Item> SignIns { get; private set; } = [];

    /// <summary>What was just done, said in a banner.</summary>
    public string? Done { get; private set; }

    public static IReadOnlyList<Choice> RoleChoices =>
        [.. Infrastructure.Auth.Roles.Staff.Select(r => new Choice(r, Texts.Get($"Role.{r}"), Texts.Get($"Role.{r}.Hint")))];

    public static IReadOnlyList<Choice> RoleFilterChoices =>
        [.. Infrastructure.Auth.Roles.Staff.Select(r => new Choice(r, Texts.Get($"Role.{r}")))];

    public static IReadOnlyList<Choice> StatusChoices =>
        [.. Enum.GetValues<StaffStatus>().Select(s => new Choice(ListStaff.NameOf(s), Texts.Get($"Staff.StatusShort.{s}")))];

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

    /// <summary>An account's roles and state in a line ("Petugas · Aktif").</summary>
    public static string SummaryOf(StaffMember member) => $"{StafAkunModel.RolesOf(member.Roles)} · {Texts.Get($"Staff.StatusShort.{member.Status}")}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var members = await Sender.Send(new ListStaff.Query(Cari, Peran, Keadaan), cancellationToken);
        if (members.Succeeded)
        {
            Members = members.Value;
        }
        else
        {
            ShowErrors(members.Error!, FilterMap);
        }

        Changes = (await Sender.Send(new ListStaffChanges.Query(), cancellationToken)).Value.Take(20).ToList();
        SignIns = (await Sender.Send(new ListSignIns.Query(null), cancellationToken)).Value.Take(20).ToList();
    }
}
