using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Admin;

/// <summary>
/// One staff account (the same use cases as /api/admin/staff/{id}): its roles, state, two-step sign-in and last
/// sign-in; change its roles, deactivate (after a confirmation step) and reactivate it, reset its two-step sign-in
/// (after a confirmation step), invite again when an invitation expired; and its own changes and sign-ins.
/// </summary>
public sealed class StafAkunModel : PortalPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal) { ["roles"] = nameof(Roles) };

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The roles chosen for the account's change; its roles as they are until then.</summary>
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public StaffMember Member { get; private set; } = null!;

    public IReadOnlyList<ListStaffChanges.Item> Changes { get; private set; } = [];

    public IReadOnlyList<ListSignIns.Item> SignIns { get; private set; } = [];

    /// <summary>What was just done, said in a banner.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken) =>
        ActAsync(new ChangeStaffRoles.Command(UserId, Id, Roles), "Staff.RolesChanged", cancellationToken);

    /// <summary>Set by the confirmation step's button: the first press asks, the second acts.</summary>
    [BindProperty]
    public bool Sure { get; set; }

    /// <summary>The action waiting for the administrator's confirmation (<see cref="Deactivating"/> or <see cref="Resetting"/>), if any.</summary>
    public string? Confirming { get; private set; }

    public const string Deactivating = "Deactivate";
    public const string Resetting = "ResetTwoFactor";

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        Sure ? ActAsync(new DeactivateStaff.Command(UserId, Id), "Staff.Deactivated", cancellationToken) : ConfirmAsync(Deactivating, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken) =>
        ActAsync(new ReactivateStaff.Command(UserId, Id), "Staff.Reactivated", cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken cancellationToken) =>
        Sure ? ActAsync(new ResetStaffTwoFactor.Command(UserId, Id), "Staff.TwoFactorReset", cancellationToken) : ConfirmAsync(Resetting, cancellationToken);

    /// <summary>
    /// Asks before an action that ends a colleague's sign-ins (they may be at work on a case): the account is named, what
    /// happens is said, and nothing is done until the button is pressed again; "cancel" goes back to the account.
    /// </summary>
    private async Task<IActionResult> ConfirmAsync(string action, CancellationToken cancellationToken)
    {
        Confirming = action;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    /// <summary>Whether the account is the reader's own (no administrator resets their own second factor).</summary>
    public bool Own => Id == UserId;

    /// <summary>An invitation that expired unused: the same address and roles, a new link.</summary>
    public async Task<IActionResult> OnPostInviteAgainAsync(CancellationToken cancellationToken)
    {
        var member = await Sender.Send(new GetStaffMember.Query(Id), cancellationToken);
        return member.Succeeded
            ? await ActAsync(new InviteStaff.Command(UserId, member.Value.Email, member.Value.Roles, null), "Staff.InvitedAgain", cancellationToken)
            : Failure(member.Error!);
    }

    private async Task<IActionResult> ActAsync<T>(ICommand<Result<T>> command, string done, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(command, cancellationToken);
        if (result.Succeeded)
        {
            Done = Texts.Format(done, (result.Value as StaffMember)?.Email);
            ModelState.Clear();
        }
        else if (result.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        else
        {
            ShowErrors(result.Error, FieldMap);
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var member = await Sender.Send(new GetStaffMember.Query(Id), cancellationToken);
        if (!member.Succeeded)
        {
            return Failure(member.Error!);
        }

        Member = member.Value;
        if (!ModelState.ContainsKey(nameof(Roles)))
        {
            // The account's roles as they are; after a refused change of roles, the choice as it was sent (none, say).
            Roles = [.. Member.Roles];
        }

        Changes = (await Sender.Send(new ListStaffChanges.Query(Id), cancellationToken)).Value.Take(20).ToList();
        SignIns = (await Sender.Send(new ListSignIns.Query(Id), cancellationToken)).Value.Take(20).ToList();
        return null;
    }
}
