namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// Every application whose outcome or failed requirements a completed what-if analysis would change: as CSV from the
/// API (ids and requirement codes, for tools), as a workbook from the analysis's page (references and titles).
/// </summary>
public static class ExportWhatIf
{
    public sealed record Query(Guid Id) : IQuery<Result<IReadOnlyList<AffectedApplication>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<AffectedApplication>>>
    {
        public async ValueTask<Result<IReadOnlyList<AffectedApplication>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var run = await db.WhatIfRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id && r.Status == WhatIfStatus.Completed, cancellationToken);
            if (run is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "No completed analysis with that id.");
            }

            return WhatIfResult.Read(run)!.Affected.ToList();
        }
    }

    public static FileDownload ToCsv(Guid id, IReadOnlyList<AffectedApplication> affected) =>
        Csv.Table(
            $"what-if-{id}",
            ["application_id", "before", "after", "newly_failed", "no_longer_failed"],
            affected.Select(a => new object[] { a.ApplicationId, a.Before, a.After, string.Join(' ', a.NewlyFailed), string.Join(' ', a.NoLongerFailed) }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/what-if/{id:guid}/affected.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken cancellationToken) =>
            {
                var affected = await sender.Send(new Query(id), cancellationToken);
                return affected.Succeeded ? ToCsv(id, affected.Value).ToResult() : affected.Error!.ToProblem();
            })
            .WithName("ExportWhatIf")
            .WithSummary("The applications whose outcome or failed requirements would change, as CSV.");
}
