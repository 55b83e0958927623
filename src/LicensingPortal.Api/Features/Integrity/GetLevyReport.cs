namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// One report as the inspectorate reads it: its number, everything the reporter said, the application it names (by its reference
/// and business), who reported only if they chose to be named, and every answer and note.
/// </summary>
public static class GetLevyReport
{
    public sealed record Response(LevyReportView Report, bool SignedIn, string? ReporterEmail, string? BusinessName);

    public sealed record Query(Guid ReportId) : IQuery<Result<Response>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var report = await db.LevyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ReportId, cancellationToken);
            if (report is null)
            {
                return LevyReportReads.NotFound;
            }

            return await LevyReportReads.CaseAsync(db, report, await LevyReportReads.AnswersAsync(db, report.Id, notesToo: true, cancellationToken), cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/levy-reports/{reportId:guid}", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid reportId, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(reportId), cancellationToken)).ToOk())
            .WithName("GetLevyReport")
            .WithSummary("One report of a demand for money, with every answer; the reporter's e-mail only when they chose to be named.");
}
