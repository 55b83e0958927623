using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// An appeal to the mayor as the mayor's office reads it: the whole objection it follows (the owner's words, the
/// requirements contested, the evidence, the officer's answer and who gave it), the appeal's words, its last day, and
/// its answer once given. An objection not appealed is not found here: the mayor's office reads appeals only.
/// </summary>
public static class OpenAppeal
{
    public sealed record Query(Guid ObjectionId, Language Language) : IQuery<Result<OpenObjection.Response>>;

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<OpenObjection.Response>>
    {
        public async ValueTask<Result<OpenObjection.Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var objection = await db.Objections.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.ObjectionId, cancellationToken);
            return objection is not { Appeal: not null } ? ObjectionReads.AppealNotFound : await OpenObjection.CaseAsync(db, rules, objection, query.Language, Wita.Today(time), cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{objectionId:guid}", async Task<Results<Ok<OpenObjection.Response>, ProblemHttpResult>> (Guid objectionId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Query(objectionId, language), cancellationToken)).ToOk();
            })
            .WithName("OpenAppeal")
            .WithSummary("An appeal to the mayor, by its objection's id: the objection it follows (the owner's words, the requirements contested, the evidence, the officer's answer), the appeal's words, the day its answer is due, and the answer with who gave it.");
}
