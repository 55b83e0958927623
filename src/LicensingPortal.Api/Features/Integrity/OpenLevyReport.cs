using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// An inspector opens one report: its number, everything the reporter said, the application it names (by its
/// reference and business), who reported only if they chose to be named, every answer and note, and who in the
/// inspectorate opened it when. The opening is kept first (who, which report, when), so every reading of a reporter's
/// words is accounted for, as officers' readings of documents are.
/// </summary>
public static class OpenLevyReport
{
    /// <summary>An inspector's opening of the report, or with <c>File</c> of one of its files (its name): by whom (their e-mail address) and when.</summary>
    public sealed record Opening(string? Inspector, DateTimeOffset At, string? File = null);

    public sealed record Response(LevyReportView Report, bool SignedIn, string? ReporterEmail, string? BusinessName, IReadOnlyList<Opening> Openings);

    /// <summary>How many of the newest openings a report shows.</summary>
    public const int OpeningsShown = 20;

    public sealed record Command(Guid InspectorId, Guid ReportId) : ICommand<Result<Response>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db.LevyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken);
            if (report is null)
            {
                return LevyReportReads.NotFound;
            }

            var opening = LevyReportOpening.Of(report.Id, command.InspectorId, time.GetUtcNow());
            db.LevyReportOpenings.Add(opening);
            return await LevyReportReads.CaseAsync(db, report, await LevyReportReads.AnswersAsync(db, report.Id, notesToo: true, cancellationToken), opening, cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/levy-reports/{reportId:guid}", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid reportId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), reportId), cancellationToken)).ToOk())
            .WithName("OpenLevyReport")
            .WithSummary("Open one report of a demand for money, with every answer and note; the reporter's e-mail only when they chose to be named. The opening is kept, and the newest 20 openings (who, when) come with it.");
}
