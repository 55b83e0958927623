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
}
