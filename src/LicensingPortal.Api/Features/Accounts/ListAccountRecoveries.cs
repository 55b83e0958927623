namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The requests for an account back, those waiting first (the oldest first), then the last answered; those whose new
/// address was never proved (the link not opened) are not the administrators' to read.
/// </summary>
public static class ListAccountRecoveries
{
    public const int AnsweredShown = 50;

    public sealed record Query : IQuery<Result<Response>>;

    public sealed record Item(Guid Id, DateTimeOffset AskedAt, DateOnly AnswerBy, bool Late, string OwnerName, bool AccountFound, string Lost, string Status, DateTimeOffset? DecidedAt);

    public sealed record Response(IReadOnlyList<Item> Waiting, IReadOnlyList<Item> Answered);

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var calendar = await db.WorkingCalendarAsync(cancellationToken);
            var today = Wita.Today(time);
            var waiting = await db.AccountRecoveries.AsNoTracking().Where(r => r.Status == AccountRecoveryStatus.Waiting).OrderBy(r => r.AskedAt).ToListAsync(cancellationToken);
            var answered = await db.AccountRecoveries.AsNoTracking().Where(r => r.Status == AccountRecoveryStatus.Granted || r.Status == AccountRecoveryStatus.Refused)
                .OrderByDescending(r => r.DecidedAt).Take(AnsweredShown).ToListAsync(cancellationToken);
            Item ItemOf(AccountRecovery r)
            {
                var answerBy = AccountRecoveries.AnswerBy(calendar, r);
                return new Item(r.Id, r.AskedAt, answerBy, r.IsWaiting && today > answerBy, r.OwnerName, r.AccountId is not null, AccountRecoveries.LossName(r.Lost), AccountRecoveries.StatusName(r.Status), r.DecidedAt);
            }

            return new Response([.. waiting.Select(ItemOf)], [.. answered.Select(ItemOf)]);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/account-recoveries", async Task<Results<Ok<Response>, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToOk())
            .WithName("ListAccountRecoveries")
            .WithSummary("Requests for an applicant account back (administrators): those waiting, oldest first, with the day each is due (three working days); then the last 50 answered.");
}
