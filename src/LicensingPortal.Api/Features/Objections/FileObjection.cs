using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// An owner objects in writing to the refusal of their application (keberatan, UU 30/2014 Pasal 77): why they think
/// it is wrong, and optionally which failed requirements. Within 21 working days of the decision, once an
/// application; a licensing officer answers within 10 working days, in the owner's inbox and by e-mail. The owner may
/// attach up to five of their uploaded documents as evidence (a letter from the kelurahan, a zoning map, a photo),
/// which the officer opens from the objection. The owner is sent a receipt (inbox and e-mail: their proof of the day),
/// and the filing is entered in the transparency log.
/// </summary>
public static class FileObjection
{
    /// <summary>
    /// <c>Requirements</c>: ids of failed requirements the owner contests (from <c>failedRequirements</c>); none for the
    /// refusal as a whole. <c>Documents</c>: ids of one's own uploaded documents attached as evidence (none, or up to 5).
    /// </summary>
    public sealed record Request(string? Reason, IReadOnlyList<string>? Requirements = null, IReadOnlyList<Guid>? Documents = null);

    public sealed record Command(Guid OwnerId, Guid ApplicationId, string? Reason, IReadOnlyList<string>? Requirements, Language Language, IReadOnlyList<Guid>? Documents = null) : ICommand<Result<GetObjection.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ApplicationId).NotEmpty();
            RuleFor(c => c.Reason).Must(r => r?.Trim().Length is >= Objection.ReasonMinLength and <= Objection.ReasonMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Objection.Reason", Objection.ReasonMinLength, Objection.ReasonMaxLength));
            RuleFor(c => c.Requirements).Must(r => r is null || (r.Count <= 100 && r.All(id => id?.Length is > 0 and <= 100)))
                .WithMessage(_ => Texts.Get("Validation.Objection.Requirements"));
            RuleFor(c => c.Documents).Must(d => d is null || (d.Count <= Objection.MaxDocuments && !d.Contains(Guid.Empty)))
                .WithMessage(_ => Texts.Format("Validation.Objection.Documents", Objection.MaxDocuments));
        }
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, Notifier notifier, TransparencyLog log, PublicAddress address, TimeProvider time) : ICommandHandler<Command, Result<GetObjection.Response>>
    {
        public async ValueTask<Result<GetObjection.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.ApplicationsOf(command.OwnerId).AsNoTracking().Include(a => a.Decision)
                .FirstOrDefaultAsync(a => a.Id == command.ApplicationId, cancellationToken);
            if (application is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            if (application.Decision is not { Approved: false } decision)
            {
                return new Error(ErrorCodes.ObjectionNotRefused, StatusCodes.Status409Conflict, "Only a refused application can be objected to.", Texts.Get("Objection.Error.NotRefused"));
            }

            // The business's row first, as every change to what a business holds takes it: a second sending waits
            // for the first to commit and then finds its objection (the unique index stands behind it).
            await db.LockBusinessAsync(application.BusinessId, cancellationToken);
            if (await db.Objections.AnyAsync(o => o.ApplicationId == application.Id, cancellationToken))
            {
                return new Error(ErrorCodes.ObjectionExists, StatusCodes.Status409Conflict, "The application was objected to already.", Texts.Get("Objection.Error.Exists"));
            }

            var now = time.GetUtcNow();
            var today = Wita.DateOf(now);
            var calendar = await db.WorkingCalendarAsync(cancellationToken);
            if (!Objection.MayStillBeFiled(decision.DecidedAt, today, calendar))
            {
                return new Error(ErrorCodes.ObjectionTooLate, StatusCodes.Status409Conflict, "The time to object to this refusal has passed.", Texts.Format("Objection.Error.TooLate", Cultures.Date(Objection.LastDayTaken(decision.DecidedAt, calendar))));
            }

            var contested = command.Requirements ?? [];
            if (contested.Any(id => !decision.FailedRequirementIds.Contains(id, StringComparer.Ordinal)))
            {
                return Error.Invalid("requirements", Texts.Get("Validation.Objection.Requirements"));
            }

            // Evidence is the owner's own: another's document is refused as one that does not exist. Its rows are taken
            // as they are counted, so a deletion of one at the same moment waits and then finds it attached.
            var documents = (command.Documents ?? []).Distinct().ToList();
            if (documents.Count > 0 && await db.DocumentsOf(command.OwnerId).Where(d => documents.Contains(d.Id)).ExecuteUpdateAsync(set => set.SetProperty(d => d.Kind, d => d.Kind), cancellationToken) != documents.Count)
            {
                return Error.Invalid("documents", Texts.Format("Validation.Objection.Documents", Objection.MaxDocuments));
            }

            var objection = Objection.File(application.Id, command.OwnerId, command.Reason!, contested, documents, now, calendar);
            db.Objections.Add(objection);
            log.Record(LogActors.Applicant(command.OwnerId), LogEntryTypes.ObjectionFiled, objection.Id, LogPayloads.ForObjectionFiled(objection));
            var business = await db.Businesses.AsNoTracking().Where(b => b.Id == application.BusinessId).Select(b => b.Name).SingleAsync(cancellationToken);
            await notifier.RaiseAsync(NoticeKind.ObjectionReceived, application.Id, command.OwnerId, Notices.ObjectionReceived(objection, business), ObjectionPayload.Of(objection, ObjectionReads.PageOf(address, objection)), cancellationToken);
            return await GetObjection.StateAsync(db, rules, decision, business, objection, command.Language, today, calendar, cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/objection", async Task<Results<Created<GetObjection.Response>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), id, request.Reason, request.Requirements, language, request.Documents), cancellationToken)).ToCreated(_ => $"/api/applications/{id}/objection");
            })
            .WithName("FileObjection")
            .WithSummary("Object in writing (keberatan, UU 30/2014 Pasal 77) to the refusal of your application: reason (20 to 4,000 characters) optionally requirements, the ids of failed requirements you contest, and documents, the ids of up to 5 of your uploaded documents as evidence. Within 21 working days of the decision, once an application (409 objection_exists, objection_too_late, objection_not_refused); a licensing officer answers within 10 working days.");
}
