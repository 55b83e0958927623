using LicensingPortal.Api.Features.Accounts;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// Asking for an account back (the same use case as POST /api/auth/recovery), for an owner who can no longer open the
/// account's e-mail or lost the phone of two-step sign-in: nobody is signed in here. After sending, the page says to
/// open the e-mail sent to the new address (its link sends the request on), and what to do when none comes.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(UploadedFiles.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFiles.RequestLimit)]
public sealed class PulihkanModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["accountEmail"] = nameof(AccountEmail),
        ["newEmail"] = nameof(NewEmail),
        ["ownerName"] = nameof(OwnerName),
        ["nik"] = nameof(Nik),
        ["lost"] = nameof(Lost),
        ["contact"] = nameof(Contact),
        [AskAccountRecovery.PhotoField] = nameof(Photo),
    };

    private const string SentToKey = "Pulihkan.Ke";
    private const string AnswerByKey = "Pulihkan.Tanggal";
    private const string WaitingKey = "Pulihkan.Menunggu";

    /// <summary>"email", "phone" or "both".</summary>
    [BindProperty]
    public string? Lost { get; set; }

    [BindProperty]
    public string? AccountEmail { get; set; }

    [BindProperty]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? OwnerName { get; set; }

    [BindProperty]
    public string? Nik { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public IFormFile? Photo { get; set; }

    /// <summary>Where the answer goes and by when, said once after the request was sent.</summary>
    public string? SentTo { get; private set; }

    public DateOnly? AnswerBy { get; private set; }

    /// <summary>Whether the request sent was one that reached the administrators already (sent again); else its link waits to be opened.</summary>
    public bool Waiting { get; private set; }

    public void OnGet()
    {
        SentTo = TempData[SentToKey] as string;
        AnswerBy = TempData[AnswerByKey] is int day ? DateOnly.FromDayNumber(day) : null;
        Waiting = TempData[WaitingKey] is true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var photo = Photo is { Length: > 0 } file ? new AskAccountRecovery.Photo(file.Length, file.OpenReadStream) : null;
        var language = Language == LicensingPortal.Rules.Model.Language.English ? Languages.English : Languages.Indonesian;
        var result = await Sender.Send(new AskAccountRecovery.Command(AccountEmail, NewEmail, OwnerName, Nik, Lost, Contact, language, photo), cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Error!, Fields);
            AskForFilesAgain(Photo is null ? [] : [Photo], nameof(Photo), "Recovery.Photo.Again");
            return Page();
        }

        TempData[SentToKey] = result.Value.SentTo;
        TempData[AnswerByKey] = result.Value.AnswerBy.DayNumber;
        TempData[WaitingKey] = result.Value.Confirmed;
        return RedirectToPage();
    }
}
