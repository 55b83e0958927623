using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>An applicant's permits, one permit, and its PDF with a QR code; another applicant's permit answers 404.</summary>
public static class GetPermits
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async Task<Ok<List<PermitResponse>>> (ClaimsPrincipal user, HttpContext http, LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var owner = user.UserId();
                var permits = await db.Permits.AsNoTracking()
                    .Where(p => db.Businesses.Any(b => b.Id == p.BusinessId && b.OwnerId == owner))
                    .OrderBy(p => p.IssuedOn).ThenBy(p => p.Number)
                    .ToListAsync(cancellationToken);
                var ruleSet = rules.InForceOn(Wita.Today(time));
                var language = RequestLanguage.From(http);
                return TypedResults.Ok(permits.Select(p => links.Render(p, ruleSet, language, Wita.Today(time))).ToList());
            })
            .WithName("ListPermits")
            .WithSummary("List the permits of your businesses.");

        routes.MapGet("/{number}", async Task<Results<Ok<PermitResponse>, ProblemHttpResult>> (string number, ClaimsPrincipal user, HttpContext http, LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var permit = await OwnedAsync(db, number, user.UserId(), cancellationToken);
                return permit is null
                    ? NotFound()
                    : TypedResults.Ok(links.Render(permit, rules.InForceOn(Wita.Today(time)), RequestLanguage.From(http), Wita.Today(time)));
            })
            .WithName("GetPermit")
            .WithSummary("Read one of your permits.");

        routes.MapGet("/{number}/document", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string number, ClaimsPrincipal user, LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var permit = await OwnedAsync(db, number, user.UserId(), cancellationToken);
                if (permit is null)
                {
                    return NotFound();
                }

                var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
                var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.ApplicationId == permit.ApplicationId, cancellationToken);
                var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken)
                    ?? throw new InvalidOperationException($"Rule set {decision.RuleSetHash} is not stored.");
                var pdf = PermitPdf.Render(permit, business, ruleSet, links.Verification(permit), Wita.Today(time));
                return TypedResults.File(pdf, "application/pdf", $"{permit.Number}.pdf");
            })
            .WithName("GetPermitDocument")
            .WithSummary("Download a permit as PDF, with a QR code that opens its public verification.");
    }

    private static Task<Permit?> OwnedAsync(LicensingDbContext db, string number, Guid owner, CancellationToken cancellationToken) =>
        db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == number && db.Businesses.Any(b => b.Id == p.BusinessId && b.OwnerId == owner), cancellationToken);

    private static ProblemHttpResult NotFound() => Error.NotFound(ErrorCodes.PermitNotFound, "The permit was not found.").ToProblem();
}
