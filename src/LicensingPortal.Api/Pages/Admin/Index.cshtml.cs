using LicensingPortal.Api.Features.Holidays;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Features.Transparency;
using LicensingPortal.Api.Infrastructure.Transparency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LicensingPortal.Api.Pages.Admin;

/// <summary>
/// Administration: find a permit by number, business name or NIB, and revoke it with a reason after a confirmation
/// step (the same use cases as /api/admin/permits); verify the transparency log and read the result; the background jobs' dashboard.
/// A year whose holidays deadlines may reach and that is not set yet is said at the top, with the way to set it, and
/// so are the office's contacts while they are still the examples.
/// </summary>
public sealed class IndexModel(Microsoft.Extensions.Options.IOptions<Features.Help.ServiceContactsOptions> contacts) : PortalPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["number"] = nameof(Number),
        ["reason"] = nameof(Reason),
    };

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The permit to revoke, shown for confirmation.</summary>
    public LookUpPermit.Response? Confirming { get; private set; }

    public PermitResponse? Revoked { get; private set; }

    public LogVerifier.Report? Verification { get; private set; }

    /// <summary>What the administrator searched permits for, and what was found.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    public IReadOnlyList<FindPermits.Item>? Found { get; private set; }

    /// <summary>
    /// This year, and from October next year (the three ministers' decree is out by then, and the time to object
    /// reaches into it from December), when their holidays are not set.
    /// </summary>
    public IReadOnlyList<int> HolidaysMissing { get; private set; } = [];

    /// <summary>
    /// The office's contacts still set to the examples the service comes with (Contacts:Phone, ...): the help page sends
    /// applicants to them instead of the counter, so an administrator is told until they are set.
    /// </summary>
    public IReadOnlyList<string> ContactsUnset => contacts.Value.Placeholders();

    /// <summary>Owners' requests for their account back that wait for an answer (said at the top with the late ones).</summary>
    public IReadOnlyList<Features.Accounts.ListAccountRecoveries.Item> RecoveriesWaiting { get; private set; } = [];

    /// <summary>From this month on, next year's holidays are asked for.</summary>
    public const int NextYearFromMonth = 10;

    /// <summary>The years whose holidays the start page asks for on a day: this one, and from October the next.</summary>
    public static IReadOnlyList<int> YearsAsked(DateOnly today) =>
        today.Month >= NextYearFromMonth ? [today.Year, today.Year + 1] : [today.Year];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var missing = new List<int>();
        foreach (var year in YearsAsked(Wita.Today(Clock)))
        {
            var holidays = await Sender.Send(new ListHolidays.Query(year), HttpContext.RequestAborted);
            if (holidays.Succeeded && !holidays.Value.Known)
            {
                missing.Add(year);
            }
        }

        HolidaysMissing = missing;
        var recoveries = await Sender.Send(new Features.Accounts.ListAccountRecoveries.Query(), HttpContext.RequestAborted);
        RecoveriesWaiting = recoveries.Succeeded ? recoveries.Value.Waiting : [];
        await next();
    }

    /// <summary>Finds permits by number, business name or NIB; a permit chosen from the results fills the revocation form.</summary>
    public async Task OnGetAsync([FromQuery(Name = "nomor")] string? chosen, CancellationToken cancellationToken)
    {
        Number = chosen;
        if (Cari is null)
        {
            return;
        }

        var found = await Sender.Send(new FindPermits.Query(Cari, Language), cancellationToken);
        if (found.Succeeded)
        {
            Found = found.Value;
        }
        else
        {
            ShowErrors(found.Error!, new Dictionary<string, string>(StringComparer.Ordinal) { ["text"] = nameof(Cari) });
        }
    }

    /// <summary>Step one: look the permit up and ask to confirm, with the reason kept.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), Texts.Get("Validation.RevocationReason"));
        }

        var permit = await Sender.Send(new LookUpPermit.Query(Number?.Trim() ?? string.Empty, Language), cancellationToken);
        if (!permit.Succeeded)
        {
            ModelState.AddModelError(nameof(Number), permit.Error!.Errors is null ? Describe(permit.Error) : Texts.Get("Admin.Revoke.NumberRequired"));
        }
        else if (permit.Value.RevokedAt is not null)
        {
            ModelState.AddModelError(nameof(Number), Texts.Get("ErrorCode.permit_already_revoked"));
        }

        if (ModelState.IsValid)
        {
            Confirming = permit.Value;
        }

        return Page();
    }

    /// <summary>Step two: revoke. The holder is notified and the log records it.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var revoked = await Sender.Send(new RevokePermit.Command(UserId, Number?.Trim() ?? string.Empty, Reason ?? string.Empty), cancellationToken);
        if (revoked.Succeeded)
        {
            Revoked = revoked.Value;
            return Page();
        }

        ShowErrors(revoked.Error!, FieldMap);
        if (revoked.Error!.Errors is null)
        {
            ModelState.Remove(string.Empty);
            ModelState.AddModelError(nameof(Number), Describe(revoked.Error));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = (await Sender.Send(new VerifyLog.Query(), cancellationToken)).Value;
        return Page();
    }
}
