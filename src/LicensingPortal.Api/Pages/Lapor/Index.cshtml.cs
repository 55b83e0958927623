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
    };

    private const string SentKey = "Lapor.Terkirim";

    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public DateParts HappenedOn { get; set; } = new();

    [BindProperty]
    public string? AmountAsked { get; set; }

    /// <summary>"ya", "tidak", or nothing (not said).</summary>
    [BindProperty]
    public string? Paid { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public Guid? ApplicationId { get; set; }

    [BindProperty]
    public bool ShareIdentity { get; set; }

    /// <summary>Set once, after the redirect that follows a report: "akun" when the reporter was signed in, "tamu" when not.</summary>
    public string? Sent { get; private set; }

    /// <summary>Whether the reader is an applicant signed in (who names applications and reads answers here).</summary>
    public bool SignedInApplicant => User.IsInRole(Roles.Applicant);

    public IReadOnlyList<LevyReportView> MyReports { get; private set; } = [];

    public ApplicationRows? Applications { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sent = TempData[SentKey] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        long? amount = null;
        if (!FormNumbers.TryWhole(AmountAsked, out amount))
        {
            ModelState.AddModelError(nameof(AmountAsked), Texts.Get("Form.NotANumber"));
        }

        var happenedOn = ReadDate(HappenedOn, nameof(HappenedOn));
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        bool? paid = Paid switch { "ya" => true, "tidak" => false, _ => null };
        var reporter = SignedInApplicant ? UserId : (Guid?)null;
        var result = await Sender.Send(
            new ReportLevy.Command(reporter, WhatHappened, Place, happenedOn, amount, paid, Contact, reporter is null ? null : ApplicationId, reporter is not null && ShareIdentity),
            cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error!.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            ShowErrors(result.Error, Fields);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData[SentKey] = reporter is null ? "tamu" : "akun";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!SignedInApplicant)
        {
            return;
        }

        MyReports = (await Sender.Send(new ListMyLevyReports.Query(UserId), cancellationToken)).Value;
        var applications = (await Sender.Send(new ListApplications.Query(UserId), cancellationToken)).Value;
        Applications = await ApplicationRows.LoadAsync(Sender, UserId, applications, null, Language, cancellationToken);
    }

    /// <summary>An application as the reporter knows it: its business, and when it was sent.</summary>
    public string NameOf(Guid applicationId) =>
        Applications?.Applications.FirstOrDefault(a => a.Id == applicationId) is { } application
            ? $"{Applications.BusinessNames.GetValueOrDefault(application.BusinessId) ?? Texts.Get("Applications.Open")}, {Cultures.Wita(application.SubmittedAt)}"
            : Texts.Get("Applications.Open");

    public IEnumerable<Choice> ApplicationChoices =>
        Applications?.Applications.Select(a => new Choice(a.Id.ToString(), NameOf(a.Id))) ?? [];
}
