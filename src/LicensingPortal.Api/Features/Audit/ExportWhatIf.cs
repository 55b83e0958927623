namespace LicensingPortal.Api.Features.Audit;

/// <summary>Every application whose outcome or failed requirements a completed what-if analysis would change, as CSV.</summary>
public static class ExportWhatIf
{
    public sealed record Query(Guid Id) : IQuery<Result<FileDownload>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<FileDownload>>
    {
        public async ValueTask<Result<FileDownload>> Handle(Query query, CancellationToken cancellationToken)
        {
            var run = await db.WhatIfRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id && r.Status == WhatIfStatus.Completed, cancellationToken);
            if (run is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "No completed analysis with that id.");
            }

            return Csv.Table(
                $"what-if-{query.Id}",
                ["application_id", "before", "after", "newly_failed", "no_longer_failed"],
                WhatIfResult.Read(run)!.Affected.Select(a => new object[] { a.ApplicationId, a.Before, a.After, string.Join(' ', a.NewlyFailed), string.Join(' ', a.NoLongerFailed) }));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/what-if/{id:guid}/affected.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(id), cancellationToken)).ToFile())
            .WithName("ExportWhatIf")
            .WithSummary("The applications whose outcome or failed requirements would change, as CSV.");
}
