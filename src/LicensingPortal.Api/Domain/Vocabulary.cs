using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Domain;

/// <summary>The two outcomes of a decision, as they appear in responses, reports, CSV and the transparency log.</summary>
public static class Outcomes
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static string Of(bool approved) => approved ? Approved : Rejected;

    public static bool IsKnown(string? outcome) => outcome is Approved or Rejected;
}

/// <summary>
/// Who appended an entry to the transparency log. These strings are hashed into the log's leaves: changing one
/// would make every stored entry fail verification, so they are defined here once.
/// </summary>
public static class LogActors
{
    /// <summary>The requirements engine: decisions and the permits they issue.</summary>
    public const string Engine = "engine";

    /// <summary>The service itself: a rule set version first put to use.</summary>
    public const string System = "system";

    public static string Applicant(Guid accountId) => $"applicant:{accountId:N}";

    public static string Officer(Guid accountId) => $"officer:{accountId:N}";

    public static string Admin(Guid accountId) => $"admin:{accountId:N}";

    /// <summary>An account of the mayor's office: the answer to an appeal.</summary>
    public static string Mayor(Guid accountId) => $"mayor:{accountId:N}";
}

/// <summary>The permit types an applicant applies for, and the NIB every approved business holds.</summary>
public static class PermitTypes
{
    /// <summary>Perizinan Berusaha: the licence a risk level calls for (with the NIB on a first approval).</summary>
    public const string PerizinanBerusaha = "PB";

    /// <summary>Perizinan Berusaha untuk Menunjang Kegiatan Usaha: a supporting licence of an existing business.</summary>
    public const string PbUmku = "PB-UMKU";

    /// <summary>Nomor Induk Berusaha: issued once per business and valid as long as it operates.</summary>
    public const string Nib = "NIB";

    public static bool IsApplicable(string? type) => type is PerizinanBerusaha or PbUmku;
}

/// <summary>The languages of the service: Bahasa Indonesia (the default) and English, with their codes.</summary>
public static class Languages
{
    public const string Indonesian = "id";
    public const string English = "en";

    public static bool IsKnown(string? code) => code is Indonesian or English;

    public static string Code(this Language language) => language == Language.English ? English : Indonesian;

    public static Language Parse(string? code) => code == English ? Language.English : Language.Indonesian;
}
