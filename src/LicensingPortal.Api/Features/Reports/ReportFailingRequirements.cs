using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>The requirements that fail most in a period, each by its id and its title in the asker's language.</summary>
public static class ReportFailingRequirements
{
    public sealed record FailingRequirement(string Id, string Title, long Failures);

    public sealed record Query(DateOnly From, DateOnly To, int Top, Language Language = Language.Indonesian) : IQuery<Result<IReadOnlyList<FailingRequirement>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
    }

    public sealed class Handler(ReadModel model, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<FailingRequirement>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<FailingRequirement>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var totals = await ReportCounters.LiveRequirementFailures(db)
                .Where(f => f.Day >= query.From && f.Day <= query.To)
                .GroupBy(f => f.RequirementId)
                .Select(g => new { Id = g.Key, Failures = g.Sum(f => f.Count) })
                .ToListAsync(cancellationToken);
            return totals
                .OrderByDescending(f => f.Failures).ThenBy(f => f.Id, StringComparer.Ordinal)
                .Take(Math.Clamp(query.Top, 1, 100))
                .Select(f => new FailingRequirement(f.Id, ReportQueries.RequirementTitle(rules, time, f.Id, query.Language), f.Failures))
                .ToList();
        }
    }

    public static FileDownload ToCsv(IReadOnlyList<FailingRequirement> rows) =>
        Csv.Table("failing-requirements", ["requirement", "failures", "title"], rows.Select(r => new object[] { r.Id, r.Failures, r.Title }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/failing-requirements", async Task<Results<Ok<IReadOnlyList<FailingRequirement>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, int? top, string? format, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                var result = await sender.Send(new Query(from, to, top ?? 10, language), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem()
                    : format == "csv" ? ToCsv(result.Value).ToResult()
                    : TypedResults.Ok(result.Value);
            })
            .WithName("FailingRequirementsReport")
            .WithSummary("The requirements that fail most in a period, with their titles in the request's language (top 10 by default, at most 100; format=csv for CSV).");
}
