using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Me;

namespace LicensingPortal.Api.Pages.Pemohon;

/// <summary>The applicant's home: unread notices, applications in progress, the permits in force by business, recent decisions, the way to apply.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<BusinessResponse> Businesses { get; private set; } = [];

    public IReadOnlyList<ApplicationDraftView> Drafts { get; private set; } = [];

    public IReadOnlyList<ListApplications.Summary> Applications { get; private set; } = [];

    /// <summary>The five newest applications, as the table shows them.</summary>
    public Permohonan.ApplicationRows Recent { get; private set; } = null!;

    public int Unread { get; private set; }

    /// <summary>
    /// Each business with permits in force today, how many, and how many may be renewed now: the answer to "am I
    /// licensed?" before the list of applications, where a refusal and a later approval of one business look alike.
    /// </summary>
    public IReadOnlyList<(string Business, int InForce, int Renewable)> InForce { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Businesses = (await Sender.Send(new ListBusinesses.Query(UserId), cancellationToken)).Value;
        Drafts = (await Sender.Send(new ListApplicationDrafts.Query(UserId), cancellationToken)).Value;
        Applications = (await Sender.Send(new ListApplications.Query(UserId), cancellationToken)).Value;
        Recent = await Permohonan.ApplicationRows.LoadAsync(Sender, UserId, [.. Applications.Take(5)], Businesses, Language, cancellationToken);
        Unread = (await Sender.Send(new ListNotifications.Query(UserId, UnreadOnly: true, Language: Language), cancellationToken)).Value.Count;
        if (Businesses.Count > 0)
        {
            var permits = (await Sender.Send(new Features.Permits.ListPermits.Query(UserId, Language), cancellationToken)).Value;
            InForce = [.. Businesses
                .Select(b => (b.Name, Permits: permits.Where(p => p.BusinessId == b.Id && p.Status == PermitStatus.Active).ToList()))
                .Where(b => b.Permits.Count > 0)
                .Select(b => (b.Name, b.Permits.Count, b.Permits.Count(p => p.Renewal == RenewalState.Open)))];
        }
    }
}
