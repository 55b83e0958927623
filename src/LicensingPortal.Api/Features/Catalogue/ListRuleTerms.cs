using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Catalogue;

/// <summary>
/// The permit types and the requirements of the rule set in force today, each by its code and its title in the asker's
/// language: what a search by permit or by requirement is offered instead of a code to remember. The rule set is
/// public, so this is too.
/// </summary>
public static class ListRuleTerms
{
    public sealed record Term(string Code, string Title);

    public sealed class Terms(IReadOnlyList<Term>? permitTypes, IReadOnlyList<Term>? requirements)
    {
        private Dictionary<string, string>? requirementTitles;

        private Dictionary<string, string>? permitTitles;

        public IReadOnlyList<Term> PermitTypes { get; } = permitTypes ?? [];

        public IReadOnlyList<Term> Requirements { get; } = requirements ?? [];

        /// <summary>A requirement by its title; by its code if the rule set in force does not have it (an older one's, a draft's).</summary>
        public string RequirementTitle(string code) =>
            (requirementTitles ??= Requirements.ToDictionary(t => t.Code, t => t.Title, StringComparer.Ordinal)).GetValueOrDefault(code, code);

        /// <summary>A permit type by its title; by its code if the rule set in force does not have it.</summary>
        public string PermitTitle(string code) =>
            (permitTitles ??= PermitTypes.ToDictionary(t => t.Code, t => t.Title, StringComparer.Ordinal)).GetValueOrDefault(code, code);
    }

    public sealed record Query(Language Language) : IQuery<Result<Terms>>;

    public sealed class Handler(RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<Terms>>
    {
        public ValueTask<Result<Terms>> Handle(Query query, CancellationToken cancellationToken)
        {
            var ruleSet = rules.InForceOn(Wita.Today(time));
            // In the asker's language's order, then by code: the same list for the same question.
            var order = StringComparer.Create(Infrastructure.Web.Cultures.Of(query.Language), ignoreCase: false);
            List<Term> Ordered(IEnumerable<Term> terms) => [.. terms.OrderBy(t => t.Title, order).ThenBy(t => t.Code, StringComparer.Ordinal)];
            Result<Terms> result = ruleSet is null
                ? new Error(ErrorCodes.NoRuleSetInForce, StatusCodes.Status503ServiceUnavailable, "No rule set is in force today.")
                : new Terms(
                    Ordered(ruleSet.Definition.PermitTypes.Values.Select(p => new Term(p.Id, p.Title.In(query.Language)))),
                    Ordered(ruleSet.Requirements.Select(r => new Term(r.Id, r.Title.In(query.Language)))));
            return ValueTask.FromResult(result);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/rule-terms", async Task<Results<Ok<Terms>, ProblemHttpResult>> (HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Query(language), cancellationToken)).ToOk();
            })
            .AllowAnonymous()
            .RequireRateLimiting(AuthSetup.PublicLimit)
            .WithName("ListRuleTerms")
            .WithSummary("The permit types and requirements of the rule set in force today, by code and title in the language Accept-Language asks for.");
}
