namespace LicensingPortal.Api.Features.Reports;

/// <summary>The requirements that fail most in a period.</summary>
public static class ReportFailingRequirements
{
    public sealed record FailingRequirement(string Id, long Failures);

    public sealed record Query(DateOnly From, DateOnly To, int Top) : IQuery<Result<IReadOnlyList<FailingRequirement>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<FailingRequirement>>>
    {
        public async ValueTask<Result<IReadOnlyList<FailingRequirement>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var totals = await db.DailyRequirementFailures.AsNoTracking()
                .Where(f => f.Day >= query.From && f.Day <= query.To)
                .GroupBy(f => f.RequirementId)
                .Select(g => new { Id = g.Key, Failures = g.Sum(f => f.Count) })
                .ToListAsync(cancellationToken);
            return totals
                .OrderByDescending(f => f.Failures).ThenBy(f => f.Id, StringComparer.Ordinal)
                .Take(Math.Clamp(query.Top, 1, 100))
                .Select(f => new FailingRequirement(f.Id, f.Failures))
                .ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/failing-requirements", async Task<Results<Ok<IReadOnlyList<FailingRequirement>>, ProblemHttpResult>> (DateOnly from, DateOnly to, int? top, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(from, to, top ?? 10), cancellationToken)).ToOk())
            .WithName("FailingRequirementsReport")
            .WithSummary("The requirements that fail most in a period (top 10 by default, at most 100).");
}
