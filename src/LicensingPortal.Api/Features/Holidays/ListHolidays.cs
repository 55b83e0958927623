using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Holidays;

/// <summary>
/// A year's national holidays and joint leave in Kupang, the days the law's working-day deadlines skip (an objection's
/// 21 days, the office's 10). Whether the year is known, and from which decree; public, as the deadlines are.
/// </summary>
public static class ListHolidays
{
    public sealed record Item(DateOnly Date, string Name, HolidayKind Kind);

    /// <summary><c>Known</c>: whether the year's holidays are set; until they are, deadlines across it skip weekends only, and an objection is taken two weeks longer.</summary>
    public sealed record Response(int Year, bool Known, string? Basis, DateTimeOffset? SetAt, IReadOnlyList<Item> Holidays);

    public sealed record Query(int? Year) : IQuery<Result<Response>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Year).InclusiveBetween(SetHolidayYear.FirstYear, SetHolidayYear.LastYear)
            .WithMessage(_ => Texts.Format("Validation.Holidays.Year", SetHolidayYear.FirstYear, SetHolidayYear.LastYear));
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var year = query.Year ?? Wita.Today(time).Year;
            var set = await db.HolidayYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
            var (first, last) = HolidayYear.DaysOf(year);
            var holidays = await db.Holidays.AsNoTracking().Where(h => h.Date >= first && h.Date <= last).OrderBy(h => h.Date)
                .Select(h => new Item(h.Date, h.Name, h.Kind)).ToListAsync(cancellationToken);
            return new Response(year, set is not null, set?.Basis, set?.SetAt, holidays);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/holidays", async Task<Results<Ok<Response>, ProblemHttpResult>> (int? year, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(year), cancellationToken)).ToOk())
            .AllowAnonymous()
            .RequireRateLimiting(AuthSetup.PublicLimit)
            .WithName("ListHolidays")
            .WithSummary("A year's national holidays and joint leave (this year unless year is given), which deadlines counted in working days skip; known says whether the year's holidays are set yet.");
}
