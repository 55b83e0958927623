namespace LicensingPortal.Api.Features.Accounts;

/// <summary>One staff account as administrators see it: its roles, state, two-step sign-in and last sign-in.</summary>
public static class GetStaffMember
{
    public sealed record Query(Guid Id) : IQuery<Result<StaffMember>>;

    public sealed class Handler(StaffAccounts staff) : IQueryHandler<Query, Result<StaffMember>>
    {
        public async ValueTask<Result<StaffMember>> Handle(Query query, CancellationToken cancellationToken) =>
            (await staff.ListAsync(query.Id, cancellationToken)).SingleOrDefault() is { } member ? member : StaffAccounts.NotFound;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}", async Task<Results<Ok<StaffMember>, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(id), cancellationToken)).ToOk())
            .WithName("GetStaffMember")
            .WithSummary("One staff account with its roles and state (404 for any other id, an applicant's included).");
}
