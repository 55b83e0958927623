using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>
/// Deletes one of one's own documents, uploaded by mistake (someone else's KTP, a blurred photo): its record and its
/// bytes. A document attached to a sent application or to an objection is kept as its evidence (409
/// <c>document_in_use</c>); another applicant's is "not found". A draft that named it no longer can.
/// </summary>
public static class DeleteDocument
{
    public sealed record Command(Guid OwnerId, Guid Id) : ICommand<Result<Guid>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Id).NotEmpty();
    }

    public static Error InUse => new(
        ErrorCodes.DocumentInUse,
        StatusCodes.Status409Conflict,
        "The document is attached to a sent application or an objection and is kept as its evidence.",
        "Upload another document for new applications.");

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage, AfterCommit afterCommit) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Its row first, as filing an objection takes the documents it attaches: one waits for the other to commit.
            await db.DocumentsOf(command.OwnerId).Where(d => d.Id == command.Id).ExecuteUpdateAsync(set => set.SetProperty(d => d.Kind, d => d.Kind), cancellationToken);
            var document = await db.DocumentsOf(command.OwnerId).FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken);
            if (document is null)
            {
                return GetDocument.NotFound;
            }

            if ((await AttachedAsync(db, command.OwnerId, cancellationToken)).Contains(document.Id))
            {
                return InUse;
            }

            db.Documents.Remove(document);
            await storage.RemoveAsync(document.StorageKey, afterCommit, cancellationToken);
            return document.Id;
        }
    }

    /// <summary>The owner's documents attached to any of their sent applications or objections (a handful of each).</summary>
    public static async Task<HashSet<Guid>> AttachedAsync(LicensingDbContext db, Guid ownerId, CancellationToken cancellationToken)
    {
        var applications = await db.ApplicationsOf(ownerId).AsNoTracking().Select(a => a.DocumentIds).ToListAsync(cancellationToken);
        var objections = await db.Objections.AsNoTracking().Where(o => o.OwnerId == ownerId && o.DocumentIds.Count > 0).Select(o => o.DocumentIds).ToListAsync(cancellationToken);
        return [.. applications.Concat(objections).SelectMany(ids => ids)];
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(user.UserId(), id), cancellationToken);
                return result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
            })
            .WithName("DeleteDocument")
            .WithSummary("Delete one of your documents that no sent application or objection names (409 document_in_use for one that does).");
}
