namespace LicensingPortal.Api.Pages.Petugas.Keberatan;

/// <summary>How an answered objection's outcome is tagged on the officers' pages: one colour for each, in one place.</summary>
public static class ObjectionTag
{
    public static string Colour(ObjectionOutcome outcome) => outcome == ObjectionOutcome.Upheld ? "govuk-tag govuk-tag--green" : "govuk-tag govuk-tag--grey";
}
