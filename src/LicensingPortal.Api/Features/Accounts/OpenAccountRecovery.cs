namespace LicensingPortal.Api.Features.Accounts;

/// <summary>One request for an account back, with what helps to judge it (<see cref="AccountRecoveryView"/>).</summary>
public static class OpenAccountRecovery
{
    public sealed record Query(Guid Id) : IQuery<Result<AccountRecoveryView>>;

    public sealed class Handler(LicensingDbContext db, Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users) : IQueryHandler<Query, Result<AccountRecoveryView>>
    {
        public async ValueTask<Result<AccountRecoveryView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.AccountRecoveries.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id && r.Status != AccountRecoveryStatus.Unconfirmed, cancellationToken) is { } recovery
                ? await AccountRecoveries.ViewAsync(db, users, recovery, cancellationToken)
                : AccountRecoveries.NotFound;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/account-recoveries/{id:guid}", async Task<Results<Ok<AccountRecoveryView>, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(id), cancellationToken)).ToOk())
            .WithName("OpenAccountRecovery")
            .WithSummary("One request for an account back (administrators): what the owner wrote (the NIK masked), the account it names with its businesses and whether their owner's NIK and name match, its last sign-in, and the answer once given.");
}
