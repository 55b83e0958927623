using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>An administrator looks a permit up by its number (before revoking it): the permit, its business and the holder's identity masked.</summary>
public static class LookUpPermit
{
    public sealed record Response(PermitResponse Permit, string BusinessName, string? Holder, DateTimeOffset? RevokedAt, string? RevocationReason)
    {
        /// <summary>The business's NIB (none before its first approval), so the permit to act on is known by more than a name.</summary>
        public string? Nib { get; init; }

        /// <summary>The owner's name as registered.</summary>
        public string OwnerName { get; init; } = string.Empty;
    }

    public sealed record Query(string Number, Language Language) : IQuery<Result<Response>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Number).NotEmpty().MaximumLength(40);
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == query.Number.Trim(), cancellationToken);
            if (permit is null)
            {
                return Error.NotFound(ErrorCodes.PermitNotFound, "No permit with that number.");
            }

            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
            var today = Wita.Today(time);
            var identity = business.OwnerNik ?? business.Npwp;
            return new Response(
                PermitResponse.From(permit, rules.InForceOn(today), query.Language, today, links),
                business.Name,
                identity is null ? null : FactDefinition.Mask(identity),
                permit.RevokedAt,
                permit.RevocationReason)
            {
                Nib = business.Nib,
                OwnerName = business.OwnerName,
            };
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{number}", async Task<Results<Ok<Response>, ProblemHttpResult>> (string number, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(number, RequestLanguage.From(http)), cancellationToken)).ToOk())
            .WithName("LookUpPermit")
            .WithSummary("Any permit by its number, for administrators: status, business, the holder's identity masked.");
}
