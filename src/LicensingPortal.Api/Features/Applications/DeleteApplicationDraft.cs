using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Deletes one of one's own drafts not sent (begun by mistake, or no longer needed): its answers go, the documents it
/// named stay with their owner. A draft sent, or being sent, is kept as the record of its sending (409
/// <c>draft_already_submitted</c>); another applicant's is "not found".
/// </summary>
public static class DeleteApplicationDraft
{
    public sealed record Command(Guid OwnerId, Guid Id) : ICommand<Result<Guid>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            // As sending claims a draft (SubmittedAt set on its row), the delete takes only a draft no sending holds:
            // one waits for the other, and a draft being sent is not deleted under it.
            var deleted = await db.DraftsOf(command.OwnerId)
                .Where(d => d.Id == command.Id && d.SubmittedAt == null)
                .ExecuteDeleteAsync(cancellationToken);
            return deleted == 1 ? command.Id : await GetApplicationDraft.NotOpenAsync(db, command.OwnerId, command.Id, cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/drafts/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id), cancellationToken)).ToNoContent())
            .WithName("DeleteApplicationDraft")
            .WithSummary("Delete one of your drafts not sent yet; the documents it named stay yours. A sent draft is kept (409).");
}
