using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Admin.Pemulihan;

/// <summary>
/// One request for an account back (the same use cases as GET /api/admin/account-recoveries/{id}, its photo, and its
/// decision): what the owner wrote, their photo with the identity card, the account found and how it compares, and the
/// answer, once.
/// </summary>
public sealed class DetailModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["grant"] = nameof(Answer),
        ["reason"] = nameof(Reason),
        ["signedInChecked"] = nameof(SignedInChecked),
    };

    public const string Grant = "setujui";
    public const string Refuse = "tolak";

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary><see cref="Grant"/> or <see cref="Refuse"/>.</summary>
    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Ticked when the account was used after the request and the administrator contacted the requester.</summary>
    [BindProperty]
    public bool SignedInChecked { get; set; }

    public AccountRecoveryView Recovery { get; private set; } = null!;

    /// <summary>What was just done, said in a banner.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetFotoAsync(CancellationToken cancellationToken)
    {
        var photo = await Sender.Send(new OpenAccountRecoveryPhoto.Query(Id), cancellationToken);
        return photo.Succeeded ? InlineFile(photo.Value.Content, photo.Value.ContentType, photo.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        bool? grant = Answer switch { Grant => true, Refuse => false, _ => null };
        var result = await Sender.Send(new DecideAccountRecovery.Command(UserId, Id, grant, Reason, SignedInChecked), cancellationToken);
        if (result.Succeeded)
        {
            Done = Texts.Format(grant == true ? "Admin.Recovery.Done.Granted" : "Admin.Recovery.Done.Refused", result.Value.NewEmail);
            ModelState.Clear();
        }
        else if (result.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        else
        {
            ShowErrors(result.Error, Fields);
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var request = await Sender.Send(new OpenAccountRecovery.Query(Id), cancellationToken);
        if (!request.Succeeded)
        {
            return Failure(request.Error!);
        }

        Recovery = request.Value;
        return null;
    }
}
