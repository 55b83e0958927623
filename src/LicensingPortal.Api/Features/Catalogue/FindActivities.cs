using System.Globalization;
using System.Text;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Catalogue;

/// <summary>
/// The KBLI finder: activities of the catalogue the rule set in force today serves, found by words in either
/// language (or by code), each with its sector, its risk at each business scale and the permits it needs. Choosing
/// the wrong activity is the most common mistake in OSS applications; the risk per scale shows what each means.
/// </summary>
public static class FindActivities
{
    public const int MaxResults = 25;

    /// <summary>The most codes one query looks up.</summary>
    public const int MaxCodes = 20;

    public sealed record Activity(string Code, string Title, string TitleInOtherLanguage, string Sector, IReadOnlyList<ScaleRisk> RiskByScale, IReadOnlyList<string> SupportingPermits);

    public sealed record ScaleRisk(string Scale, string RiskLevel, string RiskTitle);

    public sealed record Query(string? Words, IReadOnlyList<string>? Codes, Language Language) : IQuery<Result<IReadOnlyList<Activity>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Words).MaximumLength(100);
            RuleFor(q => q.Codes).Must(c => c!.Count <= MaxCodes).When(q => q.Codes is not null);
        }
    }

    public sealed class Handler(RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Activity>>>
    {
        public ValueTask<Result<IReadOnlyList<Activity>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var ruleSet = rules.InForceOn(Wita.Today(time));
            if (ruleSet is null)
            {
                return ValueTask.FromResult<Result<IReadOnlyList<Activity>>>(new Error(ErrorCodes.NoRuleSetInForce, StatusCodes.Status503ServiceUnavailable, "No rule set is in force today."));
            }

            var definition = ruleSet.Definition;
            var words = Words(query.Words);
            var entries = query.Codes is { Count: > 0 } codes
                ? codes.Select(code => definition.Kbli.GetValueOrDefault(code)).OfType<KbliEntry>()
                : definition.Kbli.Values.Where(entry => words.Count > 0 && words.All(word => Matches(entry, word))).OrderBy(entry => entry.Code, StringComparer.Ordinal).Take(MaxResults);
            var other = query.Language == Language.English ? Language.Indonesian : Language.English;
            var found = entries.Select(entry => new Activity(
                    entry.Code,
                    entry.Title.In(query.Language),
                    entry.Title.In(other),
                    entry.Sector,
                    Enum.GetValues<BusinessScale>().Select(scale =>
                    {
                        var risk = definition.RiskLevels[entry.RiskByScale[scale]];
                        return new ScaleRisk(scale.ToString().ToLowerInvariant(), risk.Id, risk.Title.In(query.Language));
                    }).ToList(),
                    entry.SupportingPermits))
                .ToList();
            return ValueTask.FromResult<Result<IReadOnlyList<Activity>>>(found);
        }

        private static bool Matches(KbliEntry entry, string word) =>
            entry.Code.StartsWith(word, StringComparison.Ordinal)
            || Fold(entry.Title.Id).Contains(word, StringComparison.Ordinal)
            || Fold(entry.Title.En).Contains(word, StringComparison.Ordinal)
            || Fold(entry.Sector).Contains(word, StringComparison.Ordinal);
    }

    /// <summary>The search words, lower case without accents, ignoring one-letter words.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Fold(text).Split([' ', ',', '.', '/', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).Distinct().Take(8).ToList();

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return string.Concat(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/activities", async Task<Results<Ok<IReadOnlyList<Activity>>, ProblemHttpResult>> (string? q, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(q, null, RequestLanguage.From(http)), cancellationToken)).ToOk())
            .AllowAnonymous()
            .RequireRateLimiting(AuthSetup.PublicLimit)
            .WithName("FindActivities")
            .WithSummary("Find business activities (KBLI 2020) by words in Bahasa Indonesia or English, or by code, with their risk at each business scale.");
}
