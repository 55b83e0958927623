using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>One's own permit as a PDF, with a QR code that opens its public verification.</summary>
public static class DownloadPermit
{
    public sealed record Query(Guid OwnerId, string Number) : IQuery<Result<FileDownload>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Number).NotEmpty().MaximumLength(40);
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time) : IQueryHandler<Query, Result<FileDownload>>
    {
        public async ValueTask<Result<FileDownload>> Handle(Query query, CancellationToken cancellationToken)
        {
            var permit = await db.PermitsOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(p => p.Number == query.Number, cancellationToken);
            if (permit is null)
            {
                return GetPermit.NotFound;
            }

            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
            // The premises the permit was issued for, and the rule set that decided it (which names their kelurahan), in one query.
            var issued = await db.Applications.AsNoTracking().Where(a => a.Id == permit.ApplicationId)
                .Select(a => new { a.Address, a.KelurahanCode, a.Decision!.RuleSetHash }).SingleAsync(cancellationToken);
            var ruleSet = await rules.FindByHashAsync(issued.RuleSetHash, db, cancellationToken)
                ?? throw new InvalidOperationException($"Rule set {issued.RuleSetHash} is not stored.");
            var pdf = PermitPdf.Render(permit, business, PermitResponse.PremisesOf(issued.Address, issued.KelurahanCode, ruleSet), issued.Address, ruleSet, links.Verification(permit), Wita.Today(time));
            return new FileDownload(pdf, "application/pdf", $"{permit.Number}.pdf");
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{number}/document", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string number, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), number), cancellationToken)).ToFile())
            .WithName("GetPermitDocument")
            .WithSummary("Download a permit as PDF, with a QR code that opens its public verification.");
}
