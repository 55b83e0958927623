using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>The permits of one's own businesses, oldest first, with their status today (and for one that ended, the permit that took over when applied for again).</summary>
public static class ListPermits
{
    public sealed record Query(Guid OwnerId, Language Language) : IQuery<Result<IReadOnlyList<PermitResponse>>>;

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<PermitResponse>>>
    {
        public async ValueTask<Result<IReadOnlyList<PermitResponse>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var permits = await db.PermitsOf(query.OwnerId).AsNoTracking()
                .OrderBy(p => p.IssuedOn).ThenBy(p => p.Number)
                .ToListAsync(cancellationToken);
            var today = Wita.Today(time);
            var ruleSet = rules.InForceOn(today);
            var linked = permits.ToDictionary(p => p.Id, p => p.Number);
            return permits.Select(p => PermitResponse.From(p, ruleSet, query.Language, today, links, linked, AppliedAgainAs(p, permits, today))).ToList();
        }

        /// <summary>For a permit that ended, the newest permit in force its owner got by applying again (all of them are in the list).</summary>
        private static string? AppliedAgainAs(Permit permit, IReadOnlyList<Permit> permits, DateOnly today) =>
            permit.RenewalStateOn(today) == RenewalState.Ended
                ? Permit.TakingOver(permit, permits, today)?.Number
                : null;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async Task<Results<Ok<IReadOnlyList<PermitResponse>>, ProblemHttpResult>> (ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), RequestLanguage.From(http)), cancellationToken)).ToOk())
            .WithName("ListPermits")
            .WithSummary("List the permits of your businesses.");
}
