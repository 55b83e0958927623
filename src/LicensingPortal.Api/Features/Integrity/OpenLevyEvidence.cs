using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// An inspector opens a file of evidence a reporter sent with a report: as it was sent, under its type by its first
/// bytes. Only the inspectorate opens it, and the opening is kept among the report's openings (who, when), as every
/// reading of a reporter's words is.
/// </summary>
public static class OpenLevyEvidence
{
    public sealed record Command(Guid InspectorId, Guid ReportId, Guid EvidenceId) : ICommand<Result<StoredFile>>;

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage, TimeProvider time) : ICommandHandler<Command, Result<StoredFile>>
    {
        public async ValueTask<Result<StoredFile>> Handle(Command command, CancellationToken cancellationToken)
        {
            var evidence = await db.LevyReportEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EvidenceId && e.ReportId == command.ReportId, cancellationToken);
            if (evidence is null)
            {
                return NotFound;
            }

            // Its bytes gone (a restore without its file): said as not found, and no opening of nothing is kept.
            if (await storage.OpenAsync(evidence.StorageKey, cancellationToken) is not { } content)
            {
                return NotFound;
            }

            db.LevyReportOpenings.Add(LevyReportOpening.Of(evidence.ReportId, command.InspectorId, time.GetUtcNow(), evidence.Id));
            return new StoredFile(content, evidence.ContentType, UploadedFiles.SafeFileName(evidence.FileName));
        }
    }

    public static readonly Error NotFound = Error.NotFound(ErrorCodes.LevyEvidenceNotFound, "No such file with this report.");

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/levy-reports/{reportId:guid}/evidence/{evidenceId:guid}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid reportId, Guid evidenceId, HttpContext http, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(user.UserId(), reportId, evidenceId), cancellationToken);
                if (result.Succeeded)
                {
                    // A reporter's evidence: never kept by a browser's or a proxy's cache.
                    http.Response.Headers.CacheControl = "private, no-store";
                }

                return result.ToFile();
            })
            .WithName("OpenLevyEvidence")
            .WithSummary("Open a file of evidence a reporter sent with a report (its id is in the report's evidence or an addition's); the opening is kept among the report's openings.");
}
