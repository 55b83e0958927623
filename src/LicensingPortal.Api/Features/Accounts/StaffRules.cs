using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The rule every staff command applies to the roles it is given: at least one, each a staff role, none twice, and the
/// inspectorate's alone (who reads reports of demands for money audits, runs or reports on nothing else; ADR 0028).
/// </summary>
public static class StaffRules
{
    public static void StaffRoles<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Texts.Get("Validation.StaffRoles"))
            .Must(roles => roles.Count is > 0 and <= 3).WithMessage(_ => Texts.Get("Validation.StaffRoles"))
            .Must(roles => roles.All(r => r is not null && Roles.IsStaffRole(r))).WithMessage(_ => Texts.Get("Validation.StaffRoles"))
            .Must(roles => roles.Distinct(StringComparer.Ordinal).Count() == roles.Count).WithMessage(_ => Texts.Get("Validation.StaffRoles"))
            .Must(roles => !roles.Contains(Roles.Inspector) || roles.Count == 1).WithMessage(_ => Texts.Get("Validation.StaffRoles.InspectorAlone"));
}
