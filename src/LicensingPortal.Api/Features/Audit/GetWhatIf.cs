namespace LicensingPortal.Api.Features.Audit;

/// <summary>The progress (done, total, estimated time left), then the result, of a what-if analysis.</summary>
public static class GetWhatIf
{
    public sealed record Query(Guid Id) : IQuery<Result<WhatIfProgress>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<WhatIfProgress>>
    {
        public async ValueTask<Result<WhatIfProgress>> Handle(Query query, CancellationToken cancellationToken)
        {
            var run = await db.WhatIfRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken);
            return run is null ? Error.NotFound(ErrorCodes.NotFound, "No such analysis.") : WhatIfProgress.Of(run, time);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/what-if/{id:guid}", async Task<Results<Ok<WhatIfProgress>, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(id), cancellationToken)).ToOk())
            .WithName("GetWhatIf")
            .WithSummary("Progress (done, total, estimated time left), then the result of a what-if analysis.");
}
