namespace LicensingPortal.Api.Features.Accounts;

/// <summary>Every staff account: its roles, whether it is active, invited or deactivated, whether two-step sign-in is on, and its last sign-in.</summary>
public static class ListStaff
{
    public sealed record Query : IQuery<Result<IReadOnlyList<StaffMember>>>;

    public sealed class Handler(StaffAccounts staff) : IQueryHandler<Query, Result<IReadOnlyList<StaffMember>>>
    {
        public async ValueTask<Result<IReadOnlyList<StaffMember>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var members = await staff.ListAsync(null, cancellationToken);
            return members.ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async Task<Results<Ok<IReadOnlyList<StaffMember>>, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToOk())
            .WithName("ListStaff")
            .WithSummary("Every staff account with its roles and state.");
}
