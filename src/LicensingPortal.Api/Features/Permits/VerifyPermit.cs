using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>
/// Public verification, no login: anyone holding a permit (or its QR code) can check that it is genuine and in
/// force. A wrong code answers "unknown", exactly like a number that does not exist; nothing personal is shown. A
/// renewed permit names the permit that renews it, a renewal the permit it renews, and a permit a change of the
/// business replaced the permit issued in its place. The premises it was issued for are named (the address and
/// kelurahan the application gave): a genuine QR code copied onto another shop's wall is told by its place.
/// </summary>
public static class VerifyPermit
{
    public const string Valid = "valid";
    public const string Expired = "expired";
    public const string Revoked = "revoked";
    public const string Closed = "closed";

    /// <summary>Ended by an approved change of the business: replaced by the permit <c>replacedBy</c> names, or no longer needed.</summary>
    public const string Replaced = "replaced";

    /// <summary>Genuine, and in force from a later day: a renewal waiting for the permit it renews to end.</summary>
    public const string Upcoming = "upcoming";
    public const string Unknown = "unknown";

    public sealed record Query(string Number, string? Code, Language Language) : IQuery<Result<Response>>;

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
        string? OwnerIdentity,
        DateOnly? ValidFrom = null,
        string? Renews = null,
        string? RenewedBy = null,
        DateOnly? RenewedUntil = null,
        DateOnly? EndedOn = null,
        string? ReplacedBy = null,
        string? Premises = null,
        IReadOnlyList<HeldPermit>? OtherPermits = null,
        IReadOnlyList<string>? NotHeld = null);

    public sealed record KbliView(string Code, string Title);

    /// <summary>
    /// Another permit of the business in force today, as a person checks it: its title, number and last day, and for a
    /// verified Standard Certificate not yet found met at its inspection, that the business may not operate under it yet.
    /// </summary>
    public sealed record HeldPermit(string Title, string Number, DateOnly? ValidUntil, bool AwaitingInspection = false);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Number).NotEmpty().MaximumLength(40);
            RuleFor(q => q.Code).MaximumLength(64);
        }
    }

    public sealed class Handler(LicensingDbContext db, PermitSigner signer, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == query.Number, cancellationToken);
            if (permit is null || !signer.Verify(permit, query.Code))
            {
                return new Response(Unknown, query.Number, null, null, null, null, null, null, null, null);
            }

            // The business and the premises the permit was issued for, in one query.
            var issuedTo = await (from b in db.Businesses.AsNoTracking()
                                  from a in db.Applications.AsNoTracking()
                                  where b.Id == permit.BusinessId && a.Id == permit.ApplicationId
                                  select new { Business = b, a.Address, a.KelurahanCode }).SingleAsync(cancellationToken);
            var business = issuedTo.Business;
            var today = Wita.Today(time);
            var ruleSet = rules.InForceOn(today);
            var status = permit.StartsAfter(today) ? Upcoming : permit.StatusOn(today) switch
            {
                PermitStatus.Active => Valid,
                PermitStatus.Expired => Expired,
                PermitStatus.Closed => Closed,
                PermitStatus.Replaced => Replaced,
                _ => Revoked,
            };
            var identity = business.OwnerNik ?? business.Npwp;
            var renewedBy = permit.RenewedByPermitId is { } renewedById ? await db.Permits.AsNoTracking().SingleAsync(p => p.Id == renewedById, cancellationToken) : null;
            var replacedBy = permit.ReplacedByPermitId is { } replacedById ? await db.Permits.AsNoTracking().Where(p => p.Id == replacedById).Select(p => p.Number).SingleAsync(cancellationToken) : null;
            var renews = permit.RenewsPermitId is { } renewsId ? await db.Permits.AsNoTracking().Where(p => p.Id == renewsId).Select(p => p.Number).SingleAsync(cancellationToken) : null;
            // For a NIB in force, the business's other permits in force, and those it held that ended without another
            // in their place (expired, revoked: not those a change made unneeded): the check answers "is this business
            // licensed?", so nobody at the door can claim a permit is missing when none is, and a missing one is said.
            IReadOnlyList<HeldPermit>? others = null;
            IReadOnlyList<string>? notHeld = null;
            if (permit.Type == PermitTypes.Nib && status == Valid)
            {
                var all = await db.Permits.AsNoTracking().Where(p => p.BusinessId == permit.BusinessId && p.Type != PermitTypes.Nib).ToListAsync(cancellationToken);
                var held = all.Where(p => p.StatusOn(today) == PermitStatus.Active && !p.StartsAfter(today)).OrderBy(p => p.IssuedOn).ToList();
                var heldIds = held.Select(p => p.Id).ToList();
                var met = await db.InspectionVisits.AsNoTracking().Where(v => heldIds.Contains(v.PermitId) && v.Outcome == InspectionOutcome.Met).Select(v => v.PermitId).ToListAsync(cancellationToken);
                others = [.. held.Select(p => new HeldPermit(PermitResponse.TitleOf(p.Type, ruleSet, query.Language), p.Number, p.ValidUntil, InspectionVisit.BeforeOperating.Contains(p.Type) && !met.Contains(p.Id)))];
                notHeld = [.. all.Where(p => held.All(h => h.Type != p.Type))
                    .GroupBy(p => p.Type)
                    .Select(g => g.OrderByDescending(p => p.ValidFrom).First())
                    .Where(last => last.StatusOn(today) is PermitStatus.Expired or PermitStatus.Revoked)
                    .Select(last => PermitResponse.TitleOf(last.Type, ruleSet, query.Language))];
            }

            return new Response(
                status,
                permit.Number,
                permit.Type,
                PermitResponse.TitleOf(permit.Type, ruleSet, query.Language),
                business.Name,
                business.Nib,
                permit.KbliCodes.Select(k => new KbliView(k, ruleSet is not null && ruleSet.Definition.Kbli.TryGetValue(k, out var entry) ? entry.Title.In(query.Language) : k)).ToList(),
                permit.IssuedOn,
                permit.ValidUntil,
                identity is null ? null : FactDefinition.Mask(identity),
                permit.ValidFrom,
                renews,
                renewedBy?.Number,
                renewedBy?.ValidUntil,
                (permit.ClosedAt ?? permit.ReplacedAt ?? permit.RevokedAt) is { } endedAt ? Wita.DateOf(endedAt) : null,
                replacedBy,
                PermitResponse.PremisesOf(issuedTo.Address, issuedTo.KelurahanCode, ruleSet),
                others,
                notHeld);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{number}", async Task<Results<Ok<Response>, RedirectHttpResult, ProblemHttpResult>> (string number, string? code, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                // A phone that scanned a printed QR code asks for a page: it gets the readable one, in its language.
                if (WantsPage(http.Request))
                {
                    return TypedResults.Redirect($"/cek-izin/{Uri.EscapeDataString(number)}?kode={Uri.EscapeDataString(code ?? string.Empty)}");
                }

                var verified = await sender.Send(new Query(number, code, RequestLanguage.From(http)), cancellationToken);
                return verified.Succeeded ? TypedResults.Ok(verified.Value) : verified.Error!.ToProblem();
            })
            .AllowAnonymous()
            .WithName("VerifyPermit")
            .WithSummary("Check a permit: valid, upcoming, expired, revoked, closed (its owner closed the business), replaced (after a change of the business) or unknown. Public, no login. A browser (Accept: text/html) is sent to the page /cek-izin/{number}.");

    private static bool WantsPage(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var html = accept.FirstOrDefault(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        var json = accept.FirstOrDefault(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase));
        return html is not null && (json is null || (html.Quality ?? 1) > (json.Quality ?? 1));
    }
}
