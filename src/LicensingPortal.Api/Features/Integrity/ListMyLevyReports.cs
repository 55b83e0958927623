using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>The reports of demands for money an applicant made while signed in, newest first, with the inspectorate's answers.</summary>
public static class ListMyLevyReports
{
    /// <summary>With <c>ReportId</c>, that one report only (none when it is another's).</summary>
    public sealed record Query(Guid UserId, Guid? ReportId = null) : IQuery<Result<IReadOnlyList<LevyReportView>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<LevyReportView>>>
    {
        public async ValueTask<Result<IReadOnlyList<LevyReportView>>> Handle(Query query, CancellationToken cancellationToken) =>
            await LevyReportReads.ViewsAsync(db, db.LevyReports.Where(r => r.ReporterId == query.UserId && (query.ReportId == null || r.Id == query.ReportId)), cancellationToken);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/levy-reports", async Task<Results<Ok<IReadOnlyList<LevyReportView>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListMyLevyReports")
            .WithSummary("The reports of demands for money you made while signed in, newest first, with the inspectorate's answers.");
}
