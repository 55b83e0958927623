using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Admin;

/// <summary>
/// Staff accounts (the same use cases as /api/admin/staff): invite a person with their roles, change roles,
/// deactivate and reactivate, invite again when an invitation expired; and read every staff change and sign-in.
/// </summary>
public sealed class StafModel : PortalPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["email"] = nameof(Email),
        ["roles"] = nameof(InviteRoles),
        ["language"] = nameof(InviteLanguage),
    };

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> InviteRoles { get; set; } = [];

    [BindProperty]
    public string? InviteLanguage { get; set; } = Languages.Indonesian;

    /// <summary>The roles chosen for one account's change.</summary>
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public IReadOnlyList<ListStaffChanges.Item> Changes { get; private set; } = [];

    public IReadOnlyList<ListSignIns.Item> SignIns { get; private set; } = [];

    /// <summary>What was just done, said in a banner.</summary>
    public string? Done { get; private set; }

    public static IReadOnlyList<Choice> RoleChoices =>
        [.. Infrastructure.Auth.Roles.Staff.Select(r => new Choice(r, Texts.Get($"Role.{r}"), Texts.Get($"Role.{r}.Hint")))];

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

    public Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(new ChangeStaffRoles.Command(UserId, id, Roles), "Staff.RolesChanged", cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(new DeactivateStaff.Command(UserId, id), "Staff.Deactivated", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(new ReactivateStaff.Command(UserId, id), "Staff.Reactivated", cancellationToken);

    /// <summary>An invitation that expired unused: the same address and roles, a new link.</summary>
    public async Task<IActionResult> OnPostInviteAgainAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = (await Sender.Send(new ListStaff.Query(), cancellationToken)).Value.FirstOrDefault(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        return await ActAsync(new InviteStaff.Command(UserId, member.Email, member.Roles, null), "Staff.InvitedAgain", cancellationToken);
    }

    public string StatusOf(StaffMember member) => member.Status switch
    {
        StaffStatus.Invited => Texts.Format("Staff.Status.Invited", Cultures.Wita(member.InvitationExpiresAt!.Value)),
        _ => Texts.Get($"Staff.Status.{member.Status}"),
    };

    public static string RolesOf(IEnumerable<string> roles) => string.Join(", ", roles.Select(r => Texts.Get($"Role.{r}")));

    private async Task<IActionResult> ActAsync<T>(ICommand<Result<T>> command, string done, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(command, cancellationToken);
        if (result.Succeeded)
        {
            Done = Texts.Format(done, (result.Value as StaffMember)?.Email);
        }
        else if (result.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        else
        {
            ModelState.AddModelError(string.Empty, result.Error.Errors is null ? Describe(result.Error) : string.Join(" ", result.Error.Errors.SelectMany(e => e.Value)));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = (await Sender.Send(new ListStaff.Query(), cancellationToken)).Value;
        Changes = (await Sender.Send(new ListStaffChanges.Query(), cancellationToken)).Value.Take(20).ToList();
        SignIns = (await Sender.Send(new ListSignIns.Query(null), cancellationToken)).Value.Take(20).ToList();
    }
}
