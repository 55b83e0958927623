using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>Read one of one's own permits; another applicant's permit answers 404.</summary>
public static class GetPermit
{
    public sealed record Query(Guid OwnerId, string Number, Language Language) : IQuery<Result<PermitResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Number).NotEmpty().MaximumLength(40);
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time) : IQueryHandler<Query, Result<PermitResponse>>
    {
        public async ValueTask<Result<PermitResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var permit = await db.PermitsOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(p => p.Number == query.Number, cancellationToken);
            if (permit is null)
            {
                return NotFound;
            }

            var today = Wita.Today(time);
            return PermitResponse.From(permit, rules.InForceOn(today), query.Language, today, links, await PermitResponse.LinkedNumbersAsync(db, [permit], cancellationToken));
        }
    }

    public static Error NotFound => Error.NotFound(ErrorCodes.PermitNotFound, "The permit was not found.");

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{number}", async Task<Results<Ok<PermitResponse>, ProblemHttpResult>> (string number, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), number, RequestLanguage.From(http)), cancellationToken)).ToOk())
            .WithName("GetPermit")
            .WithSummary("Read one of your permits.");
}
