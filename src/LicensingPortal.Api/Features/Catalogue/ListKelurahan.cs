using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Features.Catalogue;

/// <summary>The kelurahan of Kota Kupang, grouped by kecamatan, as the rule set in force today knows them.</summary>
public static class ListKelurahan
{
    public sealed record Kecamatan(string Code, string Name, IReadOnlyList<Kelurahan> Kelurahan);

    public sealed record Kelurahan(string Code, string Name);

    public sealed record Query : IQuery<Result<IReadOnlyList<Kecamatan>>>;

    public sealed class Handler(RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Kecamatan>>>
    {
        public ValueTask<Result<IReadOnlyList<Kecamatan>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var ruleSet = rules.InForceOn(Wita.Today(time));
            Result<IReadOnlyList<Kecamatan>> result = ruleSet is null
                ? new Error(ErrorCodes.NoRuleSetInForce, StatusCodes.Status503ServiceUnavailable, "No rule set is in force today.")
                : ruleSet.Definition.Kelurahan.Values
                    .GroupBy(k => (k.KecamatanCode, k.KecamatanName))
                    .OrderBy(g => g.Key.KecamatanName, StringComparer.Ordinal)
                    .Select(g => new Kecamatan(g.Key.KecamatanCode, g.Key.KecamatanName, g.OrderBy(k => k.Name, StringComparer.Ordinal).Select(k => new Kelurahan(k.Code, k.Name)).ToList()))
                    .ToList();
            return ValueTask.FromResult(result);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/kelurahan", async Task<Results<Ok<IReadOnlyList<Kecamatan>>, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToOk())
            .AllowAnonymous()
            .RequireRateLimiting(AuthSetup.PublicLimit)
            .WithName("ListKelurahan")
            .WithSummary("The kelurahan of Kota Kupang, grouped by kecamatan.");
}
