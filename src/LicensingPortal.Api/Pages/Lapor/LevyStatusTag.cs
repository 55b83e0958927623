namespace LicensingPortal.Api.Pages.Lapor;

/// <summary>The colour of a report's status tag: green once closed, blue while looked into; unanswered is grey for the reporter and yellow (to act on) for the inspectorate.</summary>
public static class LevyStatusTag
{
    public static string ClassOf(LevyReportStatus status, bool forInspectorate = false) => status switch
    {
        LevyReportStatus.Closed => "govuk-tag govuk-tag--green",
        LevyReportStatus.InProgress => "govuk-tag govuk-tag--blue",
        _ => forInspectorate ? "govuk-tag govuk-tag--yellow" : "govuk-tag govuk-tag--grey",
    };

    /// <summary>
    /// The status in the reporter's words: once the inspectorate has answered, a report their addition made
    /// unanswered again waits for an answer to that addition (not "not answered yet" above an answer).
    /// </summary>
    public static string ForReporter(Features.Integrity.LevyReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == LevyReportStatus.Received && report.Answers.Any(a => !a.FromReporter) ? "Levy.Status.ReceivedAgain" : $"Levy.Status.{report.Status}";
    }
}
