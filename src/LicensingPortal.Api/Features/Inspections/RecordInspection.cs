using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// A licensing officer records a visit's result, once, from the inspector's report: the standard met, or not met
/// with the findings in plain words (what is not met and how to fix it). The owner reads it in the inbox and by
/// e-mail; for a verified Standard Certificate, a standard met is the word that the business may now operate. The
/// transparency log records it. Not met, the office books another visit once the owner has fixed what was found.
/// </summary>
public static class RecordInspection
{
    public sealed record Request(InspectionOutcome? Outcome, DateOnly? VisitedOn, string? Findings);

    public sealed record Command(Guid OfficerId, Guid VisitId, InspectionOutcome? Outcome, DateOnly? VisitedOn, string? Findings) : ICommand<Result<OpenPermitInspections.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotNull().WithMessage(_ => Texts.Get("Validation.Inspection.Outcome")).IsInEnum().WithMessage(_ => Texts.Get("Validation.Inspection.Outcome"));
            RuleFor(c => c.VisitedOn).NotNull().WithMessage(_ => Texts.Get("Validation.Inspection.VisitedOn"));
            RuleFor(c => c.Findings)
                .Must((c, findings) => c.Outcome != InspectionOutcome.NotMet || findings?.Trim().Length is >= InspectionVisit.FindingsMinLength)
                .WithMessage(_ => Texts.Format("Validation.Inspection.Findings", InspectionVisit.FindingsMinLength))
                .Must(findings => findings is null || findings.Trim().Length <= InspectionVisit.FindingsMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Inspection.FindingsLong", InspectionVisit.FindingsMaxLength));
        }
    }

    public sealed class Handler(LicensingDbContext db, Notifier notifier, TransparencyLog log, TimeProvider time) : ICommandHandler<Command, Result<OpenPermitInspections.Response>>
    {
        public async ValueTask<Result<OpenPermitInspections.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The permit's row first, as booking takes it (so a visit is never recorded and replaced at once), then
            // the visit's, only while waiting: two officers recording at once, the second finds it recorded.
            var permitId = await db.InspectionVisits.Where(v => v.Id == command.VisitId).Select(v => (Guid?)v.PermitId).FirstOrDefaultAsync(cancellationToken);
            if (permitId is null)
            {
                return InspectionReads.NotFound;
            }

            await db.Permits.Where(p => p.Id == permitId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Number, p => p.Number), cancellationToken);
            var open = await db.InspectionVisits.Where(InspectionVisit.Waiting).Where(v => v.Id == command.VisitId)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.ToDate, v => v.ToDate), cancellationToken);
            var visit = await db.InspectionVisits.SingleAsync(v => v.Id == command.VisitId, cancellationToken);
            if (visit.CalledOffAt is not null)
            {
                return new Error(ErrorCodes.InspectionNotNeeded, StatusCodes.Status409Conflict, "The visit was called off when its permit ended.", Texts.Get("Inspection.Error.CalledOff"));
            }

            if (open == 0 || !visit.IsWaiting)
            {
                return new Error(ErrorCodes.InspectionRecorded, StatusCodes.Status409Conflict, "The visit's result was recorded already, or a visit booked later replaced it.", Texts.Get("Inspection.Error.Recorded"));
            }

            var now = time.GetUtcNow();
            var today = Wita.DateOf(now);
            var booked = Wita.DateOf(visit.BookedAt);
            if (command.VisitedOn!.Value > today || command.VisitedOn.Value < booked)
            {
                var culture = System.Globalization.CultureInfo.CurrentCulture;
                return Error.Invalid("visitedOn", Texts.Format("Validation.Inspection.VisitedOnRange", booked.ToString("d MMMM yyyy", culture), today.ToString("d MMMM yyyy", culture)));
            }

            // A permit that ended meanwhile (revoked, closed, replaced, expired) has nothing left to find met.
            var permit = await db.Permits.AsNoTracking().SingleAsync(p => p.Id == visit.PermitId, cancellationToken);
            if (!InspectionReads.InForce(permit, today))
            {
                return new Error(ErrorCodes.InspectionNotNeeded, StatusCodes.Status409Conflict, "The permit is no longer in force.", Texts.Get("Inspection.Error.NotNeeded"));
            }

            visit.Record(command.OfficerId, command.Outcome!.Value, command.VisitedOn.Value, command.Findings, now);
            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
            var payload = InspectionPayload.Of(visit, permit, business.Name);
            await notifier.RaiseAsync(NoticeKind.InspectionRecorded, permit.Id, business.OwnerId, Notices.InspectionRecorded(payload), payload, cancellationToken);
            log.Record(LogActors.Officer(command.OfficerId), LogEntryTypes.InspectionRecorded, visit.Id, LogPayloads.ForInspection(visit));
            var visits = await db.InspectionVisits.Where(v => v.PermitId == permit.Id).ToListAsync(cancellationToken);
            return OpenPermitInspections.Build(permit, new(business.Name, business.Address, business.OwnerName, business.Phone), visits, inForce: true, today);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/inspections/{visitId:guid}/result", async Task<Results<Ok<OpenPermitInspections.Response>, ProblemHttpResult>> (Guid visitId, Request request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                RequestLanguage.SetContentLanguage(http, RequestLanguage.From(http));
                return (await sender.Send(new Command(user.UserId(), visitId, request.Outcome, request.VisitedOn, request.Findings), cancellationToken)).ToOk();
            })
            .WithName("RecordInspection")
            .WithSummary("Record a visit's result, once (409 inspection_recorded): outcome met or notMet, visitedOn (a WITA date from the day it was booked to today), findings (what is not met and how to fix it: 20 to 4,000 characters, required when not met). The owner is told by inbox and e-mail; the transparency log records it.");
}
