using LicensingPortal.Api.Features.Accounts;

namespace LicensingPortal.Api.Pages.Admin;

/// <summary>How the staff pages name roles and states, in the reader's language.</summary>
public static class StaffTexts
{
    /// <summary>The roles to choose, each with what it may do.</summary>
    public static IReadOnlyList<Choice> RoleChoices =>
        [.. Infrastructure.Auth.Roles.Staff.Select(r => new Choice(r, Texts.Get($"Role.{r}"), Texts.Get($"Role.{r}.Hint")))];

    /// <summary>The roles to filter by, by name only.</summary>
    public static IReadOnlyList<Choice> RoleFilterChoices =>
        [.. Infrastructure.Auth.Roles.Staff.Select(r => new Choice(r, Texts.Get($"Role.{r}")))];

    /// <summary>The states to filter by, as the API spells them.</summary>
    public static IReadOnlyList<Choice> StatusChoices =>
        [.. Enum.GetValues<StaffStatus>().Select(s => new Choice(ListStaff.NameOf(s), Texts.Get($"Staff.StatusShort.{s}")))];

    public static string RolesOf(IEnumerable<string> roles) => string.Join(", ", roles.Select(r => Texts.Get($"Role.{r}")));

    /// <summary>An account's roles and state in a line ("Petugas perizinan · Aktif").</summary>
    public static string SummaryOf(StaffMember member) => $"{RolesOf(member.Roles)} · {Texts.Get($"Staff.StatusShort.{member.Status}")}";

    /// <summary>A sign-in in a sentence: whose (when the list holds more than one account's), its outcome, its address.</summary>
    public static string SignInLine(ListSignIns.Item signIn, bool withEmail)
    {
        var outcome = Texts.Get($"Staff.SignIn.{signIn.Outcome}");
        var said = withEmail ? $"{signIn.Email}: {outcome}" : string.Concat(outcome[..1].ToUpper(System.Globalization.CultureInfo.CurrentCulture), outcome[1..]);
        return $"{said}, {Texts.Get("Staff.From")} {signIn.Address}";
    }

    /// <summary>An account's state in a sentence, with an open invitation's end.</summary>
    public static string StatusOf(StaffMember member) => member.Status switch
    {
        StaffStatus.Invited => Texts.Format("Staff.Status.Invited", Cultures.Wita(member.InvitationExpiresAt!.Value)),
        _ => Texts.Get($"Staff.Status.{member.Status}"),
    };
}

/// <summary>Sign-ins to list, newest first; with each account's address when they are of more than one account.</summary>
public sealed record SignInLines(IReadOnlyList<ListSignIns.Item> Items, bool WithEmail);
