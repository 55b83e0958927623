namespace LicensingPortal.Api.Pages.Shared;

/// <summary>How an answered objection's (or appeal's) outcome is tagged on staff pages: one colour for each, in one place.</summary>
public static class ObjectionTag
{
    public static string Colour(ObjectionOutcome outcome) => outcome == ObjectionOutcome.Upheld ? "govuk-tag govuk-tag--green" : "govuk-tag govuk-tag--grey";
}
