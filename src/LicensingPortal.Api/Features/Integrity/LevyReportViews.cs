namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// One entry of a report's exchange: an answer of the inspectorate; with <see cref="Internal"/> its own note, which only
/// the inspectorate reads; with <see cref="FromReporter"/> what the reporter added, in words (<see cref="Message"/>, empty
/// when they sent files only) and the files of evidence they sent with it.
/// </summary>
public sealed record LevyAnswerView(LevyReportStatus Status, string Message, DateTimeOffset At, bool Internal, bool FromReporter, IReadOnlyList<LevyEvidenceView> Evidence);

/// <summary>
/// A report: what the reporter said and the files of evidence they sent with it, where it stands, and the answers,
/// oldest first (the reporter's views hold only those for them).
/// </summary>
public sealed record LevyReportView(
    Guid Id,
    string Number,
    DateTimeOffset ReceivedAt,
    LevyReportStatus Status,
    string WhatHappened,
    string? Place,
    DateOnly? HappenedOn,
    long? AmountAsked,
    bool? Paid,
    Guid? ApplicationId,
    string? ApplicationReference,
    bool ShareIdentity,
    string? Contact,
    IReadOnlyList<LevyEvidenceView> Evidence,
    IReadOnlyList<LevyAnswerView> Answers);

/// <summary>
/// Reads reports for their reporter and for the inspectorate alike, so both see the same answers. An application is
/// named by the reference its owner reads ("LP-…"), never by its id.
/// </summary>
internal static class LevyReportReads
{
    /// <summary>Reports as their reporter reads them: the answers for them, never the inspectorate's notes.</summary>
    public static async Task<List<LevyReportView>> ViewsAsync(LicensingDbContext db, IQueryable<LevyReport> reports, CancellationToken cancellationToken)
    {
        var rows = await reports.AsNoTracking().OrderByDescending(r => r.ReceivedAt).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var answers = (await db.LevyReportAnswers.AsNoTracking().Where(a => ids.Contains(a.ReportId) && a.ForReporter).ToListAsync(cancellationToken))
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToLookup(a => a.ReportId);
        var evidence = await LevyEvidence.OfAsync(db, ids, cancellationToken);
        return [.. rows.Select(r => View(r, answers[r.Id], evidence))];
    }

    /// <summary>A report with its answers and files (<see cref="LevyEvidence.OfAsync"/>).</summary>
    public static async Task<LevyReportView> ViewAsync(LicensingDbContext db, LevyReport report, IEnumerable<LevyReportAnswer> answers, CancellationToken cancellationToken) =>
        View(report, answers, await LevyEvidence.OfAsync(db, [report.Id], cancellationToken));

    private static LevyReportView View(LevyReport report, IEnumerable<LevyReportAnswer> answers, ILookup<Guid, LevyEvidenceView> evidence) => new(
        report.Id,
        report.Number,
        report.ReceivedAt,
        report.Status,
        report.WhatHappened,
        report.Place,
        report.HappenedOn,
        report.AmountAsked,
        report.Paid,
        report.ApplicationId,
        report.ApplicationId is { } application ? ApplicationReference.Of(application) : null,
        report.ShareIdentity,
        report.Contact,
        [.. evidence[report.Id]],
        [.. answers.Select(a => new LevyAnswerView(a.Status, a.Message, a.At, !a.ForReporter, a.FromReporter, [.. evidence[a.Id]]))]);

    /// <summary>
    /// A report as the inspectorate reads it, with <paramref name="answers"/> (oldest first) and its newest openings,
    /// <paramref name="opening"/> (this one, not yet committed) among them.
    /// </summary>
    public static async Task<OpenLevyReport.Response> CaseAsync(LicensingDbContext db, LevyReport report, IEnumerable<LevyReportAnswer> answers, LevyReportOpening? opening, CancellationToken cancellationToken)
    {
        var business = report.ApplicationId is { } applicationId
            ? await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => b.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var openings = await db.LevyReportOpenings.AsNoTracking().Where(o => o.ReportId == report.Id)
            .OrderByDescending(o => o.At).ThenByDescending(o => o.Id).Take(OpenLevyReport.OpeningsShown - (opening is null ? 0 : 1))
            .Select(o => new { o.InspectorId, o.At, o.EvidenceId })
            .ToListAsync(cancellationToken);
        if (opening is not null)
        {
            openings.Insert(0, new { opening.InspectorId, opening.At, opening.EvidenceId });
        }

        var evidence = await LevyEvidence.OfAsync(db, [report.Id], cancellationToken);
        var files = evidence.SelectMany(entry => entry).ToDictionary(e => e.Id, e => e.FileName);
        // The inspectors who opened it, and the reporter when they chose to be named: one look-up of addresses.
        var reporter = report.ShareIdentity ? report.ReporterId : null;
        var accounts = openings.Select(o => o.InspectorId).Append(reporter ?? Guid.Empty).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => accounts.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        // The inspectorate reads the application by its reference and business, never by the id the owner's pages use.
        return new OpenLevyReport.Response(
            View(report, answers, evidence) with { ApplicationId = null },
            report.ReporterId is not null,
            reporter is { } named ? emails.GetValueOrDefault(named) : null,
            business,
            [.. openings.Select(o => new OpenLevyReport.Opening(emails.GetValueOrDefault(o.InspectorId), o.At, o.EvidenceId is { } file ? files.GetValueOrDefault(file) : null))]);
    }

    /// <summary>A report's answers, oldest first: those for its reporter, or with <paramref name="notesToo"/> the inspectorate's notes as well.</summary>
    public static Task<List<LevyReportAnswer>> AnswersAsync(LicensingDbContext db, Guid reportId, bool notesToo, CancellationToken cancellationToken) =>
        db.LevyReportAnswers.AsNoTracking().Where(a => a.ReportId == reportId && (notesToo || a.ForReporter)).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The report a number and follow-up code open (as typed), tracked for a change; null when they open none.</summary>
    public static async Task<LevyReport?> ByNumberAndCodeAsync(LicensingDbContext db, string? number, string? code, CancellationToken cancellationToken)
    {
        var written = LevyReport.NumberAsWritten(number);
        var report = await db.LevyReports.FirstOrDefaultAsync(r => r.Number == written, cancellationToken);
        return report is not null && report.IsFollowedUpWith(code) ? report : null;
    }

    public static readonly Error NotFound = Error.NotFound(ErrorCodes.LevyReportNotFound, "No such report.");
}
