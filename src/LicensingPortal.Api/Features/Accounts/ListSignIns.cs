namespace LicensingPortal.Api.Features.Accounts;

/// <summary>The latest sign-ins of staff accounts, successful or not (or only those that failed), with the address each came from; of one account, or of all.</summary>
public static class ListSignIns
{
    public const int Shown = 200;

    public sealed record Item(DateTimeOffset At, Guid AccountId, string Email, string Address, string Outcome);

    public sealed record Query(Guid? AccountId, bool OnlyFailed = false) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var attempts = db.SignInAttempts.AsNoTracking();
            if (query.AccountId is { } id)
            {
                attempts = attempts.Where(a => a.AccountId == id);
            }

            if (query.OnlyFailed)
            {
                attempts = attempts.Where(a => a.Outcome == SignInOutcome.WrongPassword || a.Outcome == SignInOutcome.WrongCode
                    || a.Outcome == SignInOutcome.LockedOut || a.Outcome == SignInOutcome.Deactivated);
            }

            var rows = await attempts.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Shown)
                .Join(db.Users, a => a.AccountId, u => u.Id, (a, u) => new { a.At, a.AccountId, u.Email, a.Address, a.Outcome })
                .ToListAsync(cancellationToken);
            return rows.OrderByDescending(r => r.At).Select(r => new Item(r.At, r.AccountId, r.Email!, r.Address, OutcomeOf(r.Outcome))).ToList();
        }
    }

    /// <summary>The outcome as the API names it (snake case, stable).</summary>
    public static string OutcomeOf(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded => "succeeded",
        SignInOutcome.WrongPassword => "wrong_password",
        SignInOutcome.CodeNeeded => "code_needed",
        SignInOutcome.WrongCode => "wrong_code",
        SignInOutcome.LockedOut => "locked_out",
        SignInOutcome.Deactivated => "deactivated",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/sign-ins", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (Guid? accountId, bool? failed, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(accountId, failed == true), cancellationToken)).ToOk())
            .WithName("ListSignIns")
            .WithSummary("The latest 200 sign-ins of staff accounts (or of one, with accountId), successful or not (only the refused ones with failed=true: a wrong password or code, a locked or deactivated account), with the address each came from.");
}
