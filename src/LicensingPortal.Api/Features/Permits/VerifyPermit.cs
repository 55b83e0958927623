using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Facts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>
/// Public verification, no login: anyone holding a permit (or its QR code) can check that it is genuine and in
/// force. A wrong code answers "unknown", exactly like a number that does not exist; nothing personal is shown.
/// </summary>
public static class VerifyPermit
{
    public sealed record Response(
        string Status,
        string Number,
        string? PermitType,
        string? PermitTitle,
        string? BusinessName,
        string? Nib,
        IReadOnlyList<KbliView>? Kbli,
        DateOnly? IssuedOn,
        DateOnly? ValidUntil,
        string? OwnerIdentity);

    public sealed record KbliView(string Code, string Title);

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{number}", async Task<Ok<Response>> (string number, string? code, HttpContext http, LicensingDbContext db, PermitSigner signer, RuleSetCatalog rules, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == number, cancellationToken);
                if (permit is null || !signer.Verify(permit, code))
                {
                    return TypedResults.Ok(new Response("unknown", number, null, null, null, null, null, null, null, null));
                }

                var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
                var today = Wita.Today(time);
                var ruleSet = rules.InForceOn(today);
                var language = RequestLanguage.From(http);
                var status = permit.StatusOn(today) switch
                {
                    PermitStatus.Active => "valid",
                    PermitStatus.Expired => "expired",
                    _ => "revoked",
                };
                var identity = business.OwnerNik ?? business.Npwp;
                return TypedResults.Ok(new Response(
                    status,
                    permit.Number,
                    permit.Type,
                    ruleSet is not null && ruleSet.Definition.PermitTypes.TryGetValue(permit.Type, out var type) ? type.Title.In(language) : permit.Type,
                    business.Name,
                    business.Nib,
                    permit.KbliCodes.Select(k => new KbliView(k, ruleSet is not null && ruleSet.Definition.Kbli.TryGetValue(k, out var entry) ? entry.Title.In(language) : k)).ToList(),
                    permit.IssuedOn,
                    permit.ValidUntil,
                    identity is null ? null : FactDefinition.Mask(identity)));
            })
            .AllowAnonymous()
            .WithName("VerifyPermit")
            .WithSummary("Check a permit: valid, expired, revoked or unknown. Public, no login.");
}
