namespace LicensingPortal.Api.Features.Accounts;

/// <summary>Every change to staff accounts (or to one), newest first: who, what, their roles afterwards, when, and by whom.</summary>
public static class ListStaffChanges
{
    public const int Shown = 200;

    public sealed record Item(Guid Id, DateTimeOffset At, Guid AccountId, string Email, string Kind, IReadOnlyList<string> Roles, Guid? ById, string? ByEmail);

    public sealed record Query(Guid? AccountId = null) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var changes = await db.StaffChanges.AsNoTracking()
                .Where(c => query.AccountId == null || c.AccountId == query.AccountId)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(Shown).ToListAsync(cancellationToken);
            var ids = changes.Select(c => c.AccountId).Concat(changes.Where(c => c.By != null).Select(c => c.By!.Value)).Distinct().ToList();
            var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
            return changes.Select(c => new Item(
                c.Id,
                c.At,
                c.AccountId,
                emails.GetValueOrDefault(c.AccountId, "-"),
                StaffChangeKinds.Of(c.Kind),
                c.RoleList,
                c.By,
                c.By is { } by ? emails.GetValueOrDefault(by) : null)).ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/changes", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (Guid? accountId, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(accountId), cancellationToken)).ToOk())
            .WithName("ListStaffChanges")
            .WithSummary("The latest 200 changes to staff accounts (or to one, with accountId), each also in the transparency log as staff-changed.");
}
