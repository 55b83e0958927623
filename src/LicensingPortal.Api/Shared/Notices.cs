using System.Globalization;

namespace LicensingPortal.Api.Shared;

/// <summary>The inbox texts of application events, in both languages.</summary>
public static class Notices
{
    public static NoticeText Received(PermitApplication application, Business business)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(business);
        var received = application.SubmittedAt.ToOffset(Wita.Offset);
        return new NoticeText(
            $"Permohonan {business.Name} diterima",
            $"Application for {business.Name} received",
            $"Permohonan izin untuk {business.Name} diterima pada {received.ToString("d MMMM yyyy, HH.mm 'WITA'", Cultures.Indonesian)} dan langsung diperiksa oleh sistem.",
            $"The licence application for {business.Name} was received on {received.ToString("d MMMM yyyy, HH:mm 'WITA'", Cultures.English)} and checked by the system at once.");
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

    /// <summary>A notice about a permit (expiring in N days, expired, revoked), in both languages, from the resource files.</summary>
    public static NoticeText Permit(NoticeKind notice, PermitPayload permit, string businessName)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(permit);
        var kind = notice.Texts;
        string In(CultureInfo culture, string key, params object?[] arguments) =>
            string.Format(culture, Texts.In(culture, key) ?? key, arguments);
        string Title(CultureInfo culture) => Texts.In(culture, $"PermitTitle.{permit.Type}") ?? permit.Type;
        string Until(CultureInfo culture) => permit.ValidUntil?.ToString("d MMMM yyyy", culture) ?? "-";
        string Body(CultureInfo culture) => In(culture, $"Notice.{kind}.Body", Title(culture), businessName, permit.Number, kind == "Revoked" ? permit.Reason : Until(culture));
        return new NoticeText(
            In(Cultures.Indonesian, $"Notice.{kind}.Title", permit.Number, permit.DaysLeft),
            In(Cultures.English, $"Notice.{kind}.Title", permit.Number, permit.DaysLeft),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }
}
