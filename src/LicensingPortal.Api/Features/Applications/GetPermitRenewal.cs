using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Before renewing: whether one's permit can be renewed today (and if not, from when or why not), the validity the
/// renewed permit would have, and the answers a renewal starts from (those of the application that issued it); for a
/// permit that ended, the permit in force issued in its place when its owner applied again (<c>AppliedAgainAs</c>).
/// </summary>
public static class GetPermitRenewal
{
    public sealed record Query(Guid OwnerId, string Number, Language Language) : IQuery<Result<Response>>;

    public sealed record Response(
        string Number,
        string Title,
        DateOnly? ValidUntil,
        RenewalState State,
        DateOnly? OpensOn,
        DateOnly? RenewedFrom,
        DateOnly? RenewedUntil,
        string? RenewedBy,
        ApplicationRequest? Answers,
        string? ReplacedBy = null,
        string? AppliedAgainAs = null);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Number).NotEmpty().MaximumLength(40);
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var permit = await db.PermitsOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(p => p.Number == query.Number, cancellationToken);
            if (permit is null)
            {
                return PermitRenewals.NotFound;
            }

            var today = Wita.Today(time);
            var ruleSet = rules.InForceOn(today);
            var state = permit.RenewalStateOn(today);
            var from = permit.ValidUntil?.AddDays(1);
            var months = ruleSet is not null && ruleSet.Definition.PermitTypes.TryGetValue(permit.Type, out var type) ? type.ValidityMonths : null;
            var linked = await PermitResponse.LinkedNumbersAsync(db, [permit], cancellationToken);
            var renewedBy = permit.RenewedByPermitId is { } renewedById ? linked[renewedById] : null;
            return new Response(
                permit.Number,
                PermitResponse.TitleOf(permit.Type, ruleSet, query.Language),
                permit.ValidUntil,
                state,
                permit.RenewalOpensOn,
                state == RenewalState.Open ? from : null,
                state == RenewalState.Open && months is { } m ? Permit.LastDay(from!.Value, m) : null,
                renewedBy,
                state == RenewalState.Open ? await PermitRenewals.AnswersOfAsync(db, permit, cancellationToken) : null,
                permit.ReplacedByPermitId is { } replacedById ? linked[replacedById] : null,
                state == RenewalState.Ended ? await AppliedAgainAsync(permit, today, cancellationToken) : null);
        }

        /// <summary>The number of a permit of the same kind and activities the business holds in force, issued after this one ended.</summary>
        private async Task<string?> AppliedAgainAsync(Permit ended, DateOnly today, CancellationToken cancellationToken)
        {
            var later = await db.Permits.AsNoTracking()
                .Where(p => p.BusinessId == ended.BusinessId && p.Type == ended.Type && p.Status == PermitStatus.Active && p.IssuedOn > ended.ValidUntil)
                .ToListAsync(cancellationToken);
            return Permit.TakingOver(ended, later, today)?.Number;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{number}/renewal", async Task<Results<Ok<Response>, ProblemHttpResult>> (string number, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), number, RequestLanguage.From(http)), cancellationToken)).ToOk())
            .WithName("GetPermitRenewal")
            .WithSummary("Whether one of your permits can be renewed today, the validity a renewal would give, and the answers a renewal starts from.");
}
