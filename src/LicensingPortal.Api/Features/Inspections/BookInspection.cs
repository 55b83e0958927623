using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// A licensing officer books an inspector's visit to a business whose permit is checked on the spot (ADR 0036): the
/// office, the inspector's name and NIP, the first and last day. The owner is told at once, by inbox and e-mail (even
/// with e-mails off), who comes and when, to let in only that person and pay nothing. Booked again while one waits,
/// the new visit replaces it and the owner is told so. Booked from tomorrow, at most 90 days ahead, for at most 14 days.
/// </summary>
public static class BookInspection
{
    public sealed record Request(string? Agency, string? InspectorName, string? InspectorNip, DateOnly? From, DateOnly? To);

    public sealed record Command(Guid OfficerId, Guid PermitId, string? Agency, string? InspectorName, string? InspectorNip, DateOnly? From, DateOnly? To) : ICommand<Result<OpenPermitInspections.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Agency).Must(a => a?.Trim().Length is >= 3 and <= InspectionVisit.AgencyMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Inspection.Agency", InspectionVisit.AgencyMaxLength));
            RuleFor(c => c.InspectorName).Must(n => n?.Trim().Length is >= 3 and <= InspectionVisit.NameMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Inspection.Name", InspectionVisit.NameMaxLength));
            RuleFor(c => c.InspectorNip).Must(n => InspectionVisit.NipOf(n) is not null)
                .WithMessage(_ => Texts.Get("Validation.Inspection.Nip"));
            RuleFor(c => c.From).NotNull().WithMessage(_ => Texts.Get("Validation.Inspection.From"));
            RuleFor(c => c.To).NotNull().WithMessage(_ => Texts.Get("Validation.Inspection.To"))
                .Must((c, to) => c.From is not { } from || to is not { } last || (last >= from && last.DayNumber - from.DayNumber < InspectionVisit.MaxWindowDays))
                .WithMessage(_ => Texts.Format("Validation.Inspection.Window", InspectionVisit.MaxWindowDays));
        }
    }

    public sealed class Handler(LicensingDbContext db, Notifier notifier, TimeProvider time) : ICommandHandler<Command, Result<OpenPermitInspections.Response>>
    {
        public async ValueTask<Result<OpenPermitInspections.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var today = Wita.DateOf(now);
            if (command.From!.Value <= today || command.From.Value > today.AddDays(InspectionVisit.MaxDaysAhead))
            {
                return Error.Invalid("from", Texts.Format("Validation.Inspection.FromSoon", today.AddDays(1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture), InspectionVisit.MaxDaysAhead));
            }

            // The permit's row first: two officers booking at once, the second waits and then replaces the first's visit.
            var types = InspectionVisit.VisitedTypes.ToList();
            var locked = await db.Permits.Where(p => p.Id == command.PermitId && types.Contains(p.Type))
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Number, p => p.Number), cancellationToken);
            var permit = locked == 0 ? null : await db.Permits.FirstOrDefaultAsync(p => p.Id == command.PermitId, cancellationToken);
            if (permit is null)
            {
                return InspectionReads.NotFound;
            }

            var visits = await db.InspectionVisits.Where(v => v.PermitId == permit.Id).ToListAsync(cancellationToken);
            var inForce = InspectionReads.InForce(permit, today);
            if (!inForce || visits.Any(v => v.Outcome == InspectionOutcome.Met))
            {
                return new Error(ErrorCodes.InspectionNotNeeded, StatusCodes.Status409Conflict, "The permit is not in force, or its standard was found met already.", Texts.Get("Inspection.Error.NotNeeded"));
            }

            // The visit falls within the permit's validity: an inspector never comes for a permit that has ended.
            if (permit.ValidUntil is { } last && command.To!.Value > last)
            {
                return Error.Invalid("to", Texts.Format("Validation.Inspection.AfterPermit", last.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)));
            }

            var waiting = visits.FirstOrDefault(v => v.IsWaiting);
            waiting?.Replace(now);
            var visit = InspectionVisit.Book(permit, command.OfficerId, command.Agency!, command.InspectorName!, command.InspectorNip!, command.From.Value, command.To!.Value, now);
            db.InspectionVisits.Add(visit);
            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
            var payload = InspectionPayload.Of(visit, permit, business.Name, replacesAnother: waiting is not null);
            await notifier.RaiseAsync(NoticeKind.InspectionBooked, permit.Id, business.OwnerId, Notices.InspectionBooked(payload), payload, cancellationToken);
            return OpenPermitInspections.Build(permit, new(business.Name, business.Address, business.OwnerName, business.Phone), [.. visits, visit], inForce, today);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/inspections/permits/{permitId:guid}", async Task<Results<Ok<OpenPermitInspections.Response>, ProblemHttpResult>> (Guid permitId, Request request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                RequestLanguage.SetContentLanguage(http, RequestLanguage.From(http));
                return (await sender.Send(new Command(user.UserId(), permitId, request.Agency, request.InspectorName, request.InspectorNip, request.From, request.To), cancellationToken)).ToOk();
            })
            .WithName("BookInspection")
            .WithSummary("Book an inspector's visit to the holder of a permit checked on the spot: agency (the inspector's office), inspectorName, inspectorNip (18 digits), from and to (WITA dates, from tomorrow, at most 90 days ahead, at most 14 days apart). Replaces a visit waiting. The owner is told by inbox and e-mail. 409 inspection_not_needed when the permit is not in force or its standard was found met.");
}
