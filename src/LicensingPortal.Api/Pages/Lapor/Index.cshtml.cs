using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Integrity;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Pages.Pemohon.Permohonan;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Lapor;

/// <summary>
/// Reporting a demand for money (the same use case as POST /api/public/levy-reports and /api/me/levy-reports): anyone,
/// signed in or not. A signed-in applicant may name one of their applications, chooses whether the inspectorate sees
/// who they are, and reads the inspectorate's answers here.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[RequestSizeLimit(LevyEvidence.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = LevyEvidence.RequestLimit)]
public sealed class IndexModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["whatHappened"] = nameof(WhatHappened),
        ["place"] = nameof(Place),
        ["happenedOn"] = nameof(HappenedOn),
        ["amountAsked"] = nameof(AmountAsked),
        ["contact"] = nameof(Contact),
        ["applicationId"] = nameof(ApplicationId),
        [LevyEvidence.Field] = nameof(Evidence),
    };

    private const string SentKey = "Lapor.Terkirim";
    private const string NumberKey = "Lapor.Nomor";
    private const string CodeKey = "Lapor.Kode";
    private const string EvidenceKey = "Lapor.Bukti";

    /// <summary>Set by the page that adds to a report, said once here.</summary>
    public const string AddedKey = "Lapor.Ditambah";

    /// <summary>
    /// For a signed-in applicant: "akun" keeps the report with the account, where its answers are read; "tanpa-akun"
    /// sends it as anyone not signed in does, with no link to the account, read with its number and code. Chosen by
    /// the reporter, never by default: whoever else can sign in to the account (a helper, the very broker reported)
    /// would read a report kept there.
    /// </summary>
    [BindProperty]
    public string? KeepWith { get; set; }

    /// <summary>A signed-in applicant's choices: the report kept with the account, or sent with no link to it.</summary>
    public const string WithAccount = "akun";

    public const string WithoutAccount = "tanpa-akun";

    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public DateParts HappenedOn { get; set; } = new();

    [BindProperty]
    public string? AmountAsked { get; set; }

    /// <summary>"ya", "tidak", or "tidak-dijawab" (or nothing): not said.</summary>
    [BindProperty]
    public string? Paid { get; set; }

    /// <summary>Up to three photos or PDFs sent with the report (optional).</summary>
    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    [BindProperty]
    public Guid? ApplicationId { get; set; }

    [BindProperty]
    public bool ShareIdentity { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>Set once, after the redirect that follows a report: "akun" when the reporter was signed in, "tamu" when not.</summary>
    public string? Sent { get; private set; }

    /// <summary>The number of the report just sent, and for a reporter not signed in its follow-up code, shown this once.</summary>
    public string? SentNumber { get; private set; }

    public string? SentCode { get; private set; }

    /// <summary>The names of the files of evidence that went with the report just sent; null when none did.</summary>
    public IReadOnlyList<string>? SentEvidence { get; private set; }

    /// <summary>Whether the reader just added to one of their reports.</summary>
    public bool Added { get; private set; }

    /// <summary>Whether the reader is an applicant signed in (who names applications and reads answers here).</summary>
    public bool SignedInApplicant => User.IsInRole(Roles.Applicant);

    public IReadOnlyList<LevyReportView> MyReports { get; private set; } = [];

    public ApplicationRows? Applications { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The page after a report holds its secret code: never kept by the browser or a proxy (a shared phone's back button).
        Response.Headers.CacheControl = "no-store";
        Sent = TempData[SentKey] as string;
        SentNumber = TempData[NumberKey] as string;
        SentCode = TempData[CodeKey] as string;
        SentEvidence = TempData[EvidenceKey] is string files ? files.Split('\n') : null;
        Added = TempData[AddedKey] is true;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!FormNumbers.TryRupiah(AmountAsked, out var amount))
        {
            ModelState.AddModelError(nameof(AmountAsked), Texts.Get("Levy.Field.Amount.NotANumber"));
        }

        if (SignedInApplicant && KeepWith is not (WithAccount or WithoutAccount))
        {
            ModelState.AddModelError(nameof(KeepWith), Texts.Get("Levy.Keep.Required"));
        }
        else if (SignedInApplicant && KeepWith == WithoutAccount && (ShareIdentity || ApplicationId is not null))
        {
            // What only a report kept with the account carries is not dropped unsaid: the reporter chooses.
            ModelState.AddModelError(nameof(KeepWith), Texts.Format("Levy.Keep.Without.Conflict", Texts.Get("Levy.Field.Application.None")));
        }

        var happenedOn = ReadDate(HappenedOn, nameof(HappenedOn));
        bool? paid = Paid switch { "ya" => true, "tidak" => false, _ => null };
        var reporter = SignedInApplicant && KeepWith == WithAccount ? UserId : (Guid?)null;
        var command = new ReportLevy.Command(reporter, WhatHappened, Place, happenedOn, amount, paid, Contact, reporter is null ? null : ApplicationId, reporter is not null && ShareIdentity, LevyEvidence.Of(Evidence));
        if (!ModelState.IsValid)
        {
            // What could not be read is said at its field; the use case's validator says the rest.
            await ShowTheRestAsync(command, Fields, cancellationToken);
            return await AgainAsync(cancellationToken);
        }

        var result = await Sender.Send(command, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error!.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            ShowErrors(result.Error, Fields);
            return await AgainAsync(cancellationToken);
        }

        // Said once after the redirect (TempData's cookie is encrypted and gone once read); the code is never stored readable.
        TempData[SentKey] = reporter is not null ? "akun" : "tamu";
        TempData[NumberKey] = result.Value.Number;
        TempData[CodeKey] = result.Value.FollowUpCode;
        TempData[EvidenceKey] = command.Evidence!.Count == 0 ? null : string.Join('\n', command.Evidence.Select(f => Infrastructure.Storage.UploadedFiles.SafeFileName(f.FileName)));
        return RedirectToPage();
    }

    /// <summary>The form again, with its errors.</summary>
    private async Task<IActionResult> AgainAsync(CancellationToken cancellationToken)
    {
        AskForFilesAgain(Evidence, nameof(Evidence), "Levy.Field.Evidence.Again");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!SignedInApplicant)
        {
            return;
        }

        MyReports = (await Sender.Send(new ListMyLevyReports.Query(UserId), cancellationToken)).Value;
        var applications = (await Sender.Send(new ListApplications.Query(UserId), cancellationToken)).Value;
        // Applications are named by their business and day here: the businesses' names, not the activity catalogue.
        var businesses = (await Sender.Send(new Features.Businesses.ListBusinesses.Query(UserId), cancellationToken)).Value;
        Applications = new ApplicationRows(applications, businesses.ToDictionary(b => b.Id, b => b.Name), new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>An application as the reporter knows it: its business, and the day it was sent ("about the application for …").</summary>
    public string AboutApplication(Guid applicationId) =>
        Applications?.Applications.FirstOrDefault(a => a.Id == applicationId) is { } application
            ? Texts.Format("Levy.Mine.Application", BusinessOf(application), Cultures.Date(Wita.DateOf(application.SubmittedAt)))
            : Texts.Get("Applications.Open");

    public IEnumerable<Choice> ApplicationChoices =>
        Applications?.Applications.Select(a => new Choice(a.Id.ToString(), $"{BusinessOf(a)}, {Cultures.Date(Wita.DateOf(a.SubmittedAt))}")) ?? [];

    private string BusinessOf(ListApplications.Summary application) =>
        Applications?.BusinessNames.GetValueOrDefault(application.BusinessId) ?? Texts.Get("Applications.Open");
}
