using LicensingPortal.Rules.Model;
using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Before changing a running business: whether it can be changed (and if not, why), its permits in force that a
/// change may re-issue or end, and the answers a change starts from (those of its latest approved application).
/// </summary>
public static class GetBusinessChange
{
    public sealed record Query(Guid OwnerId, Guid BusinessId, Language Language) : IQuery<Result<Response>>;

    public sealed record Response(Guid BusinessId, string Name, IReadOnlyList<PermitResponse> Permits, ApplicationRequest Answers);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.BusinessId).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var business = await db.BusinessesOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(b => b.Id == query.BusinessId, cancellationToken);
            if (business is null)
            {
                return BusinessChanges.NotFound;
            }

            var start = await BusinessChanges.StartingPointAsync(db, business, cancellationToken);
            if (!start.Succeeded)
            {
                return start.Error!;
            }

            var current = start.Value;

            var today = Wita.Today(time);
            var ruleSet = rules.InForceOn(today);
            var held = await BusinessChanges.HeldAsync(db, current, today, cancellationToken);
            var permits = held.Select(h => h.Permit).ToList();
            var linked = await PermitResponse.LinkedNumbersAsync(db, permits, cancellationToken);
            return new Response(
                business.Id,
                business.Name,
                permits.Select(p => PermitResponse.From(p, ruleSet, query.Language, today, links, linked)).ToList(),
                BusinessChanges.AnswersOf(current));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/change", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), id, RequestLanguage.From(http)), cancellationToken)).ToOk())
            .WithName("GetBusinessChange")
            .WithSummary("Whether one of your businesses can be changed, its permits in force a change may re-issue or end, and the answers a change starts from.");
}
