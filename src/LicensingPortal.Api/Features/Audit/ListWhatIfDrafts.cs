using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>The draft rule sets kept under rules/drafts/ (each a folder with its ruleset.yaml), for a what-if analysis.</summary>
public static class ListWhatIfDrafts
{
    public sealed record Query : IQuery<Result<IReadOnlyList<string>>>;

    public sealed class Handler(IOptions<RulesOptions> rules, IHostEnvironment environment) : IQueryHandler<Query, Result<IReadOnlyList<string>>>
    {
        public ValueTask<Result<IReadOnlyList<string>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var drafts = Path.Combine(PathResolver.Find(rules.Value.Directory, environment.ContentRootPath), "drafts");
            List<string> names = Directory.Exists(drafts)
                ? Directory.EnumerateDirectories(drafts)
                    .Where(folder => File.Exists(Path.Combine(folder, RuleSetLoader.RuleSetFileName)))
                    .Select(Path.GetFileName).OfType<string>()
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];
            Result<IReadOnlyList<string>> result = names;
            return ValueTask.FromResult(result);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/what-if/drafts", async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToOk())
            .WithName("ListWhatIfDrafts")
            .WithSummary("The draft rule sets under rules/drafts/ that a what-if analysis can name.");
}
