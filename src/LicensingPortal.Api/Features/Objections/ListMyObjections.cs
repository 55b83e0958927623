using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>The objections one made to the refusals of one's own applications, the latest first, with their answers.</summary>
public static class ListMyObjections
{
    public sealed record Query(Guid OwnerId, Language Language) : IQuery<Result<IReadOnlyList<ObjectionView>>>;

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<ObjectionView>>>
    {
        public async ValueTask<Result<IReadOnlyList<ObjectionView>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Objections.AsNoTracking()
                .Where(o => db.ApplicationsOf(query.OwnerId).Any(a => a.Id == o.ApplicationId))
                .Join(db.Decisions, o => o.ApplicationId, d => d.ApplicationId, (o, d) => new { Objection = o, Decision = d })
                .ToListAsync(cancellationToken);
            var today = Wita.Today(time);
            var evidence = await ObjectionReads.EvidenceOfAsync(db, [.. rows.Select(r => r.Objection)], cancellationToken);
            var views = new List<ObjectionView>(rows.Count);
            foreach (var row in rows.OrderByDescending(r => r.Objection.FiledAt))
            {
                var failures = await ObjectionReads.FailuresAsync(db, rules, row.Decision, query.Language, cancellationToken);
                views.Add(ObjectionReads.View(row.Objection, failures, evidence[row.Objection.Id], today));
            }

            return views;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/objections", async Task<Results<Ok<IReadOnlyList<ObjectionView>>, ProblemHttpResult>> (ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Query(user.UserId(), language), cancellationToken)).ToOk();
            })
            .WithName("ListMyObjections")
            .WithSummary("Your objections to the refusals of your applications, the latest first, with the office's answers.");
}
