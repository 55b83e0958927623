using System.Globalization;
using System.Runtime.CompilerServices;
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
/// A word matches the start of a word of the official titles or of the everyday words people use for
/// the activity (<see cref="ActivityWords"/>: "jahit", "bengkel", "pulsa"), so "ikan" does not find "kecantikan";
/// two words may be one written apart ("foto kopi"). The activities matching every word come first; when none does,
/// those matching the most words, each said to match only some (<see cref="Activity.MatchesAllWords"/>). Words that
/// say nothing of an activity ("jual", "usaha") are left out.
/// </summary>
public static class FindActivities
{
    public const int MaxResults = 25;

    /// <summary>The most codes one query looks up.</summary>
    public const int MaxCodes = 20;

    /// <summary>
    /// An activity found; <c>AlsoCalled</c>, the everyday words of it that the search matched ("warung makan" for
    /// "warung"), at most three, so a reader sees why an official title was found for their word; <c>MatchesAllWords</c>
    /// is false when no activity matched every word searched for and this one matched the most.
    /// </summary>
    public sealed record Activity(string Code, string Title, string TitleInOtherLanguage, string Sector, IReadOnlyList<ScaleRisk> RiskByScale, IReadOnlyList<string> SupportingPermits, IReadOnlyList<string> AlsoCalled, bool MatchesAllWords = true);

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

    public sealed class Handler(RuleSetCatalog rules, ActivityWords everyday, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Activity>>>
    {
        public ValueTask<Result<IReadOnlyList<Activity>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var ruleSet = rules.InForceOn(Wita.Today(time));
            if (ruleSet is null)
            {
                return ValueTask.FromResult<Result<IReadOnlyList<Activity>>>(new Error(ErrorCodes.NoRuleSetInForce, StatusCodes.Status503ServiceUnavailable, "No rule set is in force today."));
            }

            var definition = ruleSet.Definition;
            var words = query.Codes is { Count: > 0 } ? [] : Words(query.Words);
            var (entries, all) = query.Codes is { Count: > 0 } codes
                ? (codes.Select(code => definition.Kbli.GetValueOrDefault(code)).OfType<KbliEntry>().ToList(), true)
                : Search(definition.Kbli.Values, words);
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
                    entry.SupportingPermits,
                    AlsoCalled(entry, words),
                    all))
                .ToList();
            return ValueTask.FromResult<Result<IReadOnlyList<Activity>>>(found);
        }

        /// <summary>
        /// The entries matching every word, or else the most words; an entry one of whose everyday phrases (or title)
        /// is the whole search first ("rumah makan"), then by code.
        /// </summary>
        private (List<KbliEntry> Entries, bool All) Search(IEnumerable<KbliEntry> catalogue, IReadOnlyList<string> words)
        {
            if (words.Count == 0)
            {
                return ([], true);
            }

            var whole = string.Join(' ', words);
            var scored = catalogue.Select(entry =>
                {
                    var index = IndexOf(entry);
                    bool Hit(string word) => entry.Code.StartsWith(word, StringComparison.Ordinal) || index.Tokens.Any(token => token.StartsWith(word, StringComparison.Ordinal));
                    var hits = words.Select(Hit).ToArray();
                    // A word written in two ("foto kopi", "kos kosan") matches as one.
                    for (var i = 0; i < words.Count - 1; i++)
                    {
                        if (!(hits[i] && hits[i + 1]) && Hit(words[i] + words[i + 1]))
                        {
                            hits[i] = hits[i + 1] = true;
                        }
                    }

                    return (Entry: entry, Matched: hits.Count(h => h), Phrase: index.Phrases.Contains(whole));
                })
                .Where(s => s.Matched > 0)
                .ToList();
            if (scored.Count == 0)
            {
                return ([], true);
            }

            var best = scored.Max(s => s.Matched);
            var entries = scored.Where(s => s.Matched == best).OrderByDescending(s => s.Phrase).ThenBy(s => s.Entry.Code, StringComparer.Ordinal)
                .Take(MaxResults).Select(s => s.Entry).ToList();
            return (entries, best == words.Count);
        }

        /// <summary>
        /// The entry's everyday words (as written) that the search matched and its titles do not already say, at most
        /// three: those with a word the reader wrote whole ("kios" gives "kios", not "kiosk" beside it), or else those
        /// with a word one of theirs begins.
        /// </summary>
        private IReadOnlyList<string> AlsoCalled(KbliEntry entry, IReadOnlyList<string> words)
        {
            if (words.Count == 0)
            {
                return [];
            }

            static string Spaced(string text) => " " + string.Join(' ', Tokens(Fold(text))) + " ";
            var titles = new[] { Spaced(entry.Title.Id), Spaced(entry.Title.En) };
            var unsaid = everyday.Of(entry.Code).Where(phrase => !titles.Any(title => title.Contains(Spaced(phrase), StringComparison.Ordinal)))
                .Select(phrase => (Phrase: phrase, Tokens: Tokens(Fold(phrase)))).ToList();
            var whole = unsaid.Where(p => p.Tokens.Any(token => words.Contains(token, StringComparer.Ordinal))).ToList();
            var matched = whole.Count > 0 ? whole : unsaid.Where(p => p.Tokens.Any(token => words.Any(word => token.StartsWith(word, StringComparison.Ordinal)))).ToList();
            return [.. matched.Take(3).Select(p => p.Phrase)];
        }

        /// <summary>An entry's titles and everyday words, folded into words once per loaded catalogue, not at every search.</summary>
        private Index IndexOf(KbliEntry entry) => Indexes.GetValue(entry, e =>
        {
            var phrases = new[] { e.Title.Id, e.Title.En }.Concat(everyday.Of(e.Code)).Select(p => Tokens(Fold(p))).ToList();
            return new Index([.. phrases.Select(p => string.Join(' ', p))], [.. phrases.SelectMany(p => p)]);
        });
    }

    /// <summary>An entry's phrases (its words joined by one space) and all their words.</summary>
    private sealed record Index(HashSet<string> Phrases, HashSet<string> Tokens);

    /// <summary>Per catalogue entry: a rule set's entries live as long as the app that loaded them.</summary>
    private static readonly ConditionalWeakTable<KbliEntry, Index> Indexes = [];

    /// <summary>Words that say nothing of what a business does: left out of a search.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "usaha", "bisnis", "jual", "jualan", "menjual", "berjualan", "dagang", "berdagang", "saya", "kami", "aku", "punya",
        "mau", "ingin", "buka", "membuka", "di", "ke", "dari", "dan", "atau", "yang", "untuk", "dengan", "kecil",
        "business", "sell", "selling", "sale", "my", "our", "the", "of", "and", "or", "for", "in", "at", "small",
    };

    /// <summary>
    /// The search words, lower case without accents or apostrophes ("se'i" is "sei"), without one-letter words and
    /// words that say nothing of an activity; at most eight.
    /// </summary>
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Tokens(Fold(text)).Where(w => w.Length > 1 && !Ignored.Contains(w)).Distinct().Take(8).ToList();

    /// <summary>A folded text's words: letters and digits, split at anything else.</summary>
    private static string[] Tokens(string folded) =>
        folded.Split(folded.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace("\u2019", string.Empty, StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
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
