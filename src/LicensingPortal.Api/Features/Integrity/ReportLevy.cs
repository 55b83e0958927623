using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// Someone reports that they were asked for money (or a gift) for a permit the service gives free. Anyone may report
/// without signing in (POST /api/public/levy-reports); an applicant signed in (POST /api/me/levy-reports) may also name
/// one of their own applications, chooses whether the inspectorate sees who they are, and reads the answers.
/// Only the city's inspectorate reads reports; licensing officers never do. The page sends files of evidence with the
/// report; through the API they follow it (<see cref="AddToLevyReport"/>, with the number and code it answers).
/// </summary>
public static class ReportLevy
{
    /// <summary>A report from someone not signed in: nothing ties it to anyone but the contact they choose to give.</summary>
    public sealed record PublicRequest(string? WhatHappened, string? Place, DateOnly? HappenedOn, long? AmountAsked, bool? Paid, string? Contact);

    /// <summary>A report from a signed-in applicant, who may name one of their applications and let the inspectorate see who they are.</summary>
    public sealed record Request(string? WhatHappened, string? Place, DateOnly? HappenedOn, long? AmountAsked, bool? Paid, string? Contact, Guid? ApplicationId, bool ShareIdentity = false);

    public sealed record Command(Guid? ReporterId, string? WhatHappened, string? Place, DateOnly? HappenedOn, long? AmountAsked, bool? Paid, string? Contact, Guid? ApplicationId = null, bool ShareIdentity = false, IReadOnlyList<EvidenceFile>? Evidence = null)
        : ICommand<Result<Receipt>>;

    /// <summary>
    /// What the reporter keeps: the report's number and, for one not signed in, the secret code that reads the answers
    /// with it (POST /api/public/levy-reports/check, the page /lapor/cek). The code is shown here once and never again.
    /// </summary>
    public sealed record Receipt(Guid Id, string Number, DateTimeOffset ReceivedAt, string? FollowUpCode);

    /// <summary>The earliest day a report can be about.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(c => c.WhatHappened).Must(t => t?.Trim().Length >= LevyReport.WhatHappenedMinLength).WithMessage(_ => Texts.Get("Validation.Levy.What"))
                .Must(t => t is null || t.Trim().Length <= LevyReport.WhatHappenedMaxLength).WithMessage(_ => Texts.Get("Validation.Levy.WhatTooLong"));
            RuleFor(c => c.Place).Must(p => p is null || p.Trim().Length <= LevyReport.PlaceMaxLength).WithMessage(_ => Texts.Get("Validation.Levy.Place"));
            RuleFor(c => c.HappenedOn).Must(d => d is null || (d >= Earliest && d <= Wita.Today(time))).WithMessage(_ => Texts.Get("Validation.Levy.When"));
            RuleFor(c => c.AmountAsked).Must(a => a is null or (> 0 and <= LevyReport.MaxAmount)).WithMessage(_ => Texts.Get("Validation.Levy.Amount"));
            RuleFor(c => c.Contact).Must(c => c is null || c.Trim().Length <= LevyReport.ContactMaxLength).WithMessage(_ => Texts.Get("Validation.Levy.Contact"));
            RuleFor(c => c.ApplicationId).Null().When(c => c.ReporterId is null).WithMessage(_ => Texts.Get("Validation.Levy.Application"));
            LevyEvidence.Validate(this, c => c.Evidence);
        }
    }

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage, Microsoft.Extensions.Options.IOptions<RateLimitOptions> limits, TimeProvider time) : ICommandHandler<Command, Result<Receipt>>
    {
        public async ValueTask<Result<Receipt>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Another applicant's application is not found, as everywhere: nobody learns it exists.
            if (command.ApplicationId is { } applicationId
                && (command.ReporterId is not { } reporterId || !await db.ApplicationsOf(reporterId).AnyAsync(a => a.Id == applicationId, cancellationToken)))
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "No such application.");
            }

            var files = command.Evidence ?? [];
            var checkedFiles = await LevyEvidence.CheckAsync(db, reportId: null, files, anonymous: command.ReporterId is null, limits.Value, time, cancellationToken);
            if (!checkedFiles.Succeeded)
            {
                return checkedFiles.Error!;
            }

            LevyReport report;
            string? code;
            do
            {
                // A number is 40 random bits of a new id: in the rare clash with an earlier report, another id.
                (report, code) = LevyReport.Receive(
                    command.ReporterId, command.ShareIdentity, command.Contact, command.WhatHappened!, command.Place, command.HappenedOn, command.AmountAsked, command.Paid, command.ApplicationId, time.GetUtcNow());
            }
            while (await db.LevyReports.AnyAsync(r => r.Number == report.Number, cancellationToken));

            db.LevyReports.Add(report);
            await LevyEvidence.KeepAsync(db, storage, report.Id, entryId: null, files, checkedFiles.Value, report.ReceivedAt, cancellationToken);

            return new Receipt(report.Id, report.Number, report.ReceivedAt, code);
        }
    }

    public static RouteHandlerBuilder MapPublic(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports", async Task<Results<Created<Receipt>, ProblemHttpResult>> (PublicRequest request, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(null, request.WhatHappened, request.Place, request.HappenedOn, request.AmountAsked, request.Paid, request.Contact), cancellationToken))
                    .ToCreated())
            .WithName("ReportLevyAnonymously")
            .WithSummary("Report a demand for money (pungli) without signing in; only the city's inspectorate reads it. The answer carries the report's number and a follow-up code, shown once, with which POST /api/public/levy-reports/check reads the inspectorate's answers. The service is free: nobody may ask for money for a permit.");

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/levy-reports", async Task<Results<Created<Receipt>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request.WhatHappened, request.Place, request.HappenedOn, request.AmountAsked, request.Paid, request.Contact, request.ApplicationId, request.ShareIdentity), cancellationToken))
                    .ToCreated(_ => "/api/me/levy-reports"))
            .WithName("ReportLevy")
            .WithSummary("Report a demand for money (pungli) as a signed-in applicant; optionally name one of your applications and let the inspectorate see who you are. Read the answers at GET /api/me/levy-reports.");
}
