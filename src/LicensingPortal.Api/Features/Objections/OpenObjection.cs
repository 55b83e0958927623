using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// An objection as the officers read it: the owner's words, contested requirements and evidence, the business, the
/// deadline, and the answer with who gave it; once appealed, the appeal to the mayor and its answer with who gave it.
/// </summary>
public static class OpenObjection
{
    public sealed record Response(ObjectionView Objection, string BusinessName, string OwnerName, IReadOnlyList<RequirementNamed> FailedRequirements, string? AnsweredBy, string? AppealAnsweredBy = null);

    public sealed record Query(Guid ObjectionId, Language Language) : IQuery<Result<Response>>;

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var objection = await db.Objections.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.ObjectionId, cancellationToken);
            return objection is null ? ObjectionReads.NotFound : await CaseAsync(db, rules, objection, query.Language, Wita.Today(time), cancellationToken);
        }
    }

    internal static async Task<Response> CaseAsync(LicensingDbContext db, RuleSetCatalog rules, Objection objection, Language language, DateOnly today, CancellationToken cancellationToken)
    {
        var found = await db.Applications.AsNoTracking().Where(a => a.Id == objection.ApplicationId)
            .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => new { a.Decision, b.Name, b.OwnerName })
            .SingleAsync(cancellationToken);
        var failures = await ObjectionReads.FailuresAsync(db, rules, found.Decision!, language, cancellationToken);
        async Task<string?> EmailOfAsync(Guid? account) => account is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            : null;
        var evidence = await ObjectionReads.EvidenceAsync(db, objection, cancellationToken);
        return new Response(ObjectionReads.View(objection, failures, evidence, today), found.Name, found.OwnerName, failures, await EmailOfAsync(objection.AnsweredBy), await EmailOfAsync(objection.Appeal?.AnsweredBy));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/objections/{objectionId:guid}", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid objectionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Query(objectionId, language), cancellationToken)).ToOk();
            })
            .WithName("OpenObjection")
            .WithSummary("An objection: the owner's words, the requirements they contest, the business, the day the answer is due, and the answer with the officer who gave it.");
}
