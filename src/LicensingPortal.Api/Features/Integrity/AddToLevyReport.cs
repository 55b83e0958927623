using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// A reporter adds to their report what they remembered or learned since, or answers the inspectorate's question: a
/// signed-in applicant to one of their own reports (POST /api/me/levy-reports/{id}/additions), anyone else with the
/// report's number and code (POST /api/public/levy-reports/additions). The report waits for an answer again, first in
/// the inspectorate's list. Files of evidence (a photo, a screenshot, a receipt) come with an addition, with or without
/// words (multipart: POST /api/me/levy-reports/{id}/evidence, POST /api/public/levy-reports/evidence). Another's report,
/// or a wrong number or code, is not found.
/// </summary>
public static class AddToLevyReport
{
    public sealed record Request(string? Text);

    public sealed record PublicRequest(string? Number, string? Code, string? Text);

    /// <summary>Either the signed-in reporter and their report's id, or the number and code that open it; words, files of evidence, or both.</summary>
    public sealed record Command(Guid? ReporterId, Guid? ReportId, string? Number, string? Code, string? Text, IReadOnlyList<EvidenceFile>? Evidence = null) : ICommand<Result<LevyReportView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).Must(t => t?.Trim().Length is > 0).When(c => c.Evidence is not { Count: > 0 }).WithMessage(_ => Texts.Get("Validation.Levy.AdditionOrFile"));
            RuleFor(c => c.Text).Must(t => t is null || t.Trim().Length <= LevyReport.AnswerMaxLength).WithMessage(_ => Texts.Get("Validation.Levy.Addition"));
            LevyEvidence.Validate(this, c => c.Evidence);
            RuleFor(c => c.Number).Must(n => LevyReport.NumberAsWritten(n) is not null).When(c => c.ReporterId is null).WithMessage(_ => Texts.Get("Validation.Levy.Number"));
            RuleFor(c => c.Code).Must(LevyReport.IsFollowUpCodeShaped).When(c => c.ReporterId is null).WithMessage(_ => Texts.Get("Validation.Levy.Code"));
        }
    }

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage, Microsoft.Extensions.Options.IOptions<RateLimitOptions> limits, TimeProvider time) : ICommandHandler<Command, Result<LevyReportView>>
    {
        public async ValueTask<Result<LevyReportView>> Handle(Command command, CancellationToken cancellationToken)
        {
            LevyReport? report;
            if (command.ReporterId is { } reporterId)
            {
                report = await db.LevyReports.FirstOrDefaultAsync(r => r.Id == command.ReportId && r.ReporterId == reporterId, cancellationToken);
            }
            else
            {
                report = await LevyReportReads.ByNumberAndCodeAsync(db, command.Number, command.Code, cancellationToken);
            }

            if (report is null)
            {
                return LevyReportReads.NotFound;
            }

            var files = command.Evidence ?? [];
            var checkedFiles = await LevyEvidence.CheckAsync(db, report.Id, files, anonymous: report.ReporterId is null, limits.Value, time, cancellationToken);
            if (!checkedFiles.Succeeded)
            {
                return checkedFiles.Error!;
            }

            var earlier = await LevyReportReads.AnswersAsync(db, report.Id, notesToo: false, cancellationToken);
            var now = time.GetUtcNow();
            var added = report.Add(command.Text ?? string.Empty, files.Count, now);
            db.LevyReportAnswers.Add(added);
            await LevyEvidence.KeepAsync(db, storage, report.Id, added.Id, files, checkedFiles.Value, now, cancellationToken);

            // As the reporter reads it (the check never shows the contact they left).
            var view = await LevyReportReads.ViewAsync(db, report, [.. earlier, added], cancellationToken);
            return command.ReporterId is null ? view with { Contact = null } : view;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports/{reportId:guid}/additions", async Task<Results<Ok<LevyReportView>, ProblemHttpResult>> (Guid reportId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), reportId, null, null, request.Text), cancellationToken)).ToOk())
            .WithName("AddToMyLevyReport")
            .WithSummary("Add to one of your reports of a demand for money (what you remembered, or an answer to the inspectorate's question); the report waits for an answer again.");

    public static RouteHandlerBuilder MapPublic(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports/additions", async Task<Results<Ok<LevyReportView>, ProblemHttpResult>> (PublicRequest request, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(null, null, request.Number, request.Code, request.Text), cancellationToken)).ToOk())
            .WithName("AddToLevyReport")
            .WithSummary("Add to a report made without signing in, with its number and follow-up code; the report waits for an answer again. A wrong number or code answers 404 levy_report_not_found.");

    public static RouteHandlerBuilder MapEvidence(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports/{reportId:guid}/evidence", async Task<Results<Ok<LevyReportView>, ProblemHttpResult>> (Guid reportId, [FromForm] string? text, IFormFileCollection files, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                LevyEvidence.Misplaced(files) is { } misplaced ? misplaced.ToProblem()
                    : (await sender.Send(new Command(user.UserId(), reportId, null, null, text, LevyEvidence.Of(files)), cancellationToken)).ToOk())
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(LevyEvidence.RequestLimit), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = LevyEvidence.RequestLimit })
            .WithName("AddEvidenceToMyLevyReport")
            .WithSummary("Send evidence for one of your reports (a photo, a screenshot, a receipt): multipart form data with up to three files in the field 'evidence' (PDF, JPEG or PNG, at most 10 MB each; twelve per report) and optional words in 'text'. Only the inspectorate opens the files; the report waits for an answer again.");

    public static RouteHandlerBuilder MapPublicEvidence(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports/evidence", async Task<Results<Ok<LevyReportView>, ProblemHttpResult>> ([FromForm] string? number, [FromForm] string? code, [FromForm] string? text, IFormFileCollection files, ISender sender, CancellationToken cancellationToken) =>
                LevyEvidence.Misplaced(files) is { } misplaced ? misplaced.ToProblem()
                    : (await sender.Send(new Command(null, null, number, code, text, LevyEvidence.Of(files)), cancellationToken)).ToOk())
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(LevyEvidence.RequestLimit), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = LevyEvidence.RequestLimit })
            .WithName("AddEvidenceToLevyReport")
            .WithSummary("Send evidence for a report made without signing in, with its number and follow-up code: multipart form data with 'number', 'code', up to three files in 'evidence' (PDF, JPEG or PNG, at most 10 MB each; twelve per report) and optional words in 'text'. A wrong number or code answers 404 levy_report_not_found.");
}
