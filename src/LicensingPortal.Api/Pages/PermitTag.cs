namespace LicensingPortal.Api.Pages;

/// <summary>A permit's status as a tag's colour, alike on the owner's and the officer's pages: in force green, revoked red, ended otherwise grey.</summary>
public static class PermitTag
{
    public static string Colour(PermitStatus status) => status switch
    {
        PermitStatus.Active => "govuk-tag--green",
        PermitStatus.Revoked => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };
}
