using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Every staff account, or those that match: part of the e-mail address, a role, a state (active, invited, invitation
/// expired, deactivated); each with its roles, whether two-step sign-in is on, and its last sign-in.
/// </summary>
public static class ListStaff
{
    public sealed record Query(string? Search = null, string? Role = null, string? Status = null) : IQuery<Result<IReadOnlyList<StaffMember>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Search).MaximumLength(256);
            RuleFor(q => q.Role).Must(r => RoleOf(r) is not null).When(q => !string.IsNullOrWhiteSpace(q.Role))
                .WithMessage(_ => Texts.Get("Validation.StaffRole"));
            RuleFor(q => q.Status).Must(s => StatusOf(s) is not null).When(q => !string.IsNullOrWhiteSpace(q.Status))
                .WithMessage(_ => Texts.Get("Validation.StaffStatus"));
        }
    }

    public sealed class Handler(StaffAccounts staff) : IQueryHandler<Query, Result<IReadOnlyList<StaffMember>>>
    {
        public async ValueTask<Result<IReadOnlyList<StaffMember>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var members = await staff.ListAsync(null, cancellationToken);
            var (search, role, status) = (query.Search?.Trim(), RoleOf(query.Role), StatusOf(query.Status));
            return members
                .Where(m => string.IsNullOrEmpty(search) || m.Email.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Where(m => role is null || m.Roles.Contains(role, StringComparer.Ordinal))
                .Where(m => status is null || m.Status == status)
                .ToList();
        }
    }

    /// <summary>A staff role as the API spells it ("Officer"), from any case, or null.</summary>
    public static string? RoleOf(string? value) =>
        Roles.Staff.FirstOrDefault(r => string.Equals(r, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A state as the API writes it ("active", "invitationExpired"; any case), or null.</summary>
    public static StaffStatus? StatusOf(string? value) =>
        Enum.GetValues<StaffStatus>().Where(s => string.Equals(NameOf(s), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Cast<StaffStatus?>().FirstOrDefault();

    /// <summary>A state's name as the API writes it.</summary>
    public static string NameOf(StaffStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async Task<Results<Ok<IReadOnlyList<StaffMember>>, ProblemHttpResult>> (string? search, string? role, string? status, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(search, role, status), cancellationToken)).ToOk())
            .WithName("ListStaff")
            .WithSummary("Staff accounts with their roles and state: all, or those whose e-mail contains `search`, holding `role` (Officer, Mayor, Admin, Inspector; any case), in `status` (active, invited, invitationExpired, deactivated; any case).");
}
