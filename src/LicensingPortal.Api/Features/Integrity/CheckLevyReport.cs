namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// Someone who reported without signing in reads where their report stands and the inspectorate's answers, with the
/// report's number and the follow-up code they were shown once. A wrong number and a wrong code answer alike (404), so
/// neither tells whether the other was right; the check counts against the reports' own rate limit.
/// </summary>
public static class CheckLevyReport
{
    public sealed record Request(string? Number, string? Code);

    public sealed record Query(string? Number, string? Code) : IQuery<Result<LevyReportView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Number).Must(n => LevyReport.NumberAsWritten(n) is not null).WithMessage(_ => Texts.Get("Validation.Levy.Number"));
            RuleFor(q => q.Code).Must(LevyReport.IsFollowUpCodeShaped).WithMessage(_ => Texts.Get("Validation.Levy.Code"));
        }
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<LevyReportView>>
    {
        public async ValueTask<Result<LevyReportView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var report = await LevyReportReads.ByNumberAndCodeAsync(db, query.Number, query.Code, cancellationToken);
            if (report is null)
            {
                return LevyReportReads.NotFound;
            }

            // Whoever holds the code sees the report and its answers, not the phone number the reporter left.
            return await LevyReportReads.ViewAsync(db, report, await LevyReportReads.AnswersAsync(db, report.Id, notesToo: false, cancellationToken), cancellationToken) with { Contact = null };
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports/check", async Task<Results<Ok<LevyReportView>, ProblemHttpResult>> (Request request, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(request.Number, request.Code), cancellationToken)).ToOk())
            .WithName("CheckLevyReport")
            .WithSummary("Read a report made without signing in, with its number and follow-up code (in the body, never in the address): where it stands and the inspectorate's answers. A wrong number or code answers 404 levy_report_not_found.");
}
