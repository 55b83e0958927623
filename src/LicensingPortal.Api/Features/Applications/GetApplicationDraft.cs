using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>Reads one of one's own drafts; another applicant's draft answers 404.</summary>
public static class GetApplicationDraft
{
    public sealed record Query(Guid OwnerId, Guid Id) : IQuery<Result<ApplicationDraftView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public static Error NotFound => Error.NotFound(ErrorCodes.DraftNotFound, "The draft was not found.");

    /// <summary>
    /// Why a change to a draft not sent found none to take: it was sent (or is being sent, 409), or it is not one of
    /// the owner's drafts (404).
    /// </summary>
    public static async Task<Error> NotOpenAsync(LicensingDbContext db, Guid ownerId, Guid id, CancellationToken cancellationToken) =>
        await db.DraftsOf(ownerId).AnyAsync(d => d.Id == id, cancellationToken) ? SubmitApplicationDraft.AlreadySubmitted : NotFound;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<ApplicationDraftView>>
    {
        public async ValueTask<Result<ApplicationDraftView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var draft = await db.DraftsOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.Id, cancellationToken);
            return draft is null ? NotFound : ApplicationDraftView.From(draft);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/drafts/{id:guid}", async Task<Results<Ok<ApplicationDraftView>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("GetApplicationDraft")
            .WithSummary("Read one of your drafts: the answers so far and the pages done.");
}
