namespace LicensingPortal.Api.Features.Notifications;

/// <summary>The inbox texts of application events, in both languages.</summary>
public static class Notices
{
    public static NoticeText Received(PermitApplication application, Business business)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(business);
        var kbli = string.Join(", ", application.KbliCodes);
        return new NoticeText(
            $"Permohonan {business.Name} diterima",
            $"Application for {business.Name} received",
            $"Permohonan perizinan berusaha untuk {business.Name} (KBLI {kbli}) diterima pada {application.SubmittedAt:yyyy-MM-dd HH:mm} UTC dan langsung diperiksa oleh sistem.",
            $"The business licence application for {business.Name} (KBLI {kbli}) was received at {application.SubmittedAt:yyyy-MM-dd HH:mm} UTC and checked by the system at once.");
    }

    public static NoticeText Decided(PermitApplication application, Business business, DecisionExplanation indonesian, DecisionExplanation english)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(indonesian);
        ArgumentNullException.ThrowIfNull(english);
        if (indonesian.Approved)
        {
            return new NoticeText(
                $"Permohonan {business.Name} disetujui",
                $"Application for {business.Name} approved",
                $"Perizinan yang diperlukan: {string.Join(", ", indonesian.RequiredPermits.Select(p => p.Title))}.",
                $"Permits required: {string.Join(", ", english.RequiredPermits.Select(p => p.Title))}.");
        }

        return new NoticeText(
            $"Permohonan {business.Name} ditolak",
            $"Application for {business.Name} rejected",
            string.Join(" ", indonesian.FailedRequirements.Select(f => $"{f.Message} {f.Remedy}")),
            string.Join(" ", english.FailedRequirements.Select(f => $"{f.Message} {f.Remedy}")));
    }
}
