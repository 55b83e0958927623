using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>Read the metadata of one's own document; another applicant's document answers 404.</summary>
public static class GetDocument
{
    public sealed record Query(Guid OwnerId, Guid Id) : IQuery<Result<DocumentResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<DocumentResponse>>
    {
        public async ValueTask<Result<DocumentResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var document = await db.DocumentsOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.Id, cancellationToken);
            return document is null ? NotFound : DocumentResponse.From(document);
        }
    }

    public static Error NotFound => Error.NotFound(ErrorCodes.DocumentNotFound, "The document was not found.");

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}", async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("GetDocument")
            .WithSummary("Read the metadata of one of your documents.");
}
