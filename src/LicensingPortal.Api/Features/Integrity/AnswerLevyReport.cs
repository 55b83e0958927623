using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// The inspectorate answers a report: what it did or will do, and whether it is still looking into it or has finished.
/// A reporter who was signed in finds the answer in their inbox and their list of reports. With <c>Internal</c> it is a
/// note the inspectorate keeps for itself (names, steps, whom it asked): no status, never shown to the reporter, no notice.
/// </summary>
public static class AnswerLevyReport
{
    /// <summary><c>Seen</c>: how many entries of the exchange the inspector saw (optional); an answer after a reporter's addition it did not see is refused.</summary>
    public sealed record Request(LevyReportStatus? Status, string? Message, bool Internal = false, int? Seen = null);

    public sealed record Command(Guid InspectorId, Guid ReportId, LevyReportStatus? Status, string? Message, bool Internal = false, int? Seen = null) : ICommand<Result<OpenLevyReport.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).Must(s => s is LevyReportStatus.InProgress or LevyReportStatus.Closed).When(c => !c.Internal).WithMessage(_ => Texts.Get("Validation.Levy.AnswerStatus"));
            RuleFor(c => c.Status).Null().When(c => c.Internal).WithMessage(_ => Texts.Get("Validation.Levy.NoteStatus"));
            RuleFor(c => c.Message).Must(m => m?.Trim().Length is > 0 and <= LevyReport.AnswerMaxLength).WithMessage(_ => Texts.Get("Validation.Levy.AnswerMessage"));
        }
    }

    public sealed class Handler(LicensingDbContext db, Notifier notifier, TimeProvider time) : ICommandHandler<Command, Result<OpenLevyReport.Response>>
    {
        public async ValueTask<Result<OpenLevyReport.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db.LevyReports.FirstOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken);
            if (report is null)
            {
                return LevyReportReads.NotFound;
            }

            var earlier = await LevyReportReads.AnswersAsync(db, report.Id, notesToo: true, cancellationToken);
            if (!command.Internal && command.Seen is { } seen && earlier.Skip(seen).Any(a => a.FromReporter))
            {
                // The reporter added something since the inspector opened the report: an answer must have read it.
                return new Error(ErrorCodes.LevyReportChanged, StatusCodes.Status409Conflict, "The reporter added to the report since you opened it; read it, then answer.");
            }

            var answer = command.Internal
                ? report.Note(command.InspectorId, command.Message!, time.GetUtcNow())
                : report.Answer(command.InspectorId, command.Status!.Value, command.Message!, time.GetUtcNow());
            db.LevyReportAnswers.Add(answer);
            if (answer.ForReporter && report.ReporterId is { } reporterId)
            {
                await notifier.RaiseAsync(NoticeKind.LevyReportAnswered, report.Id, reporterId, Notices.LevyReportAnswered(answer.Status, answer.Message), payload: null, cancellationToken);
            }

            return await LevyReportReads.CaseAsync(db, report, [.. earlier, answer], opening: null, cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports/{reportId:guid}/answers", async Task<Results<Ok<OpenLevyReport.Response>, ProblemHttpResult>> (Guid reportId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), reportId, request.Status, request.Message, request.Internal, request.Seen), cancellationToken)).ToOk())
            .WithName("AnswerLevyReport")
            .WithSummary("Answer a report of a demand for money: status inProgress (looking into it) or closed (finished), and a message its reporter reads; or, with internal: true and no status, a note only the inspectorate reads. With seen (the number of entries you read), an answer after a reporter's addition you have not read is refused (409 levy_report_changed).");
}
