using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// A licensing officer marks that the inspector's office was told a visit was called off (its permit ended before the
/// visit): the inspectors are not users of the service, so an officer phones or writes to their office, then marks it
/// here. The visit leaves the officers' list of visits called off; who marked it and when are kept on the visit. A
/// second mark (another officer at the same moment) keeps the first.
/// </summary>
public static class MarkOfficeTold
{
    public sealed record Response(Guid VisitId, string BusinessName, DateTimeOffset OfficeToldAt);

    public sealed record Command(Guid OfficerId, Guid VisitId) : ICommand<Result<Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VisitId).NotEmpty();
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The visit's row first: two officers marking at once take turns, and the second finds the first's mark.
            await db.InspectionVisits.Where(v => v.Id == command.VisitId).ExecuteUpdateAsync(set => set.SetProperty(v => v.ToDate, v => v.ToDate), cancellationToken);
            var visit = await db.InspectionVisits.FirstOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
            if (visit is null)
            {
                return InspectionReads.NotFound;
            }

            if (visit.CalledOffAt is null)
            {
                return new Error(ErrorCodes.InspectionNotCalledOff, StatusCodes.Status409Conflict, "Only a visit called off is told to the inspector's office.", Texts.Get("Inspection.Error.NotCalledOff"));
            }

            visit.MarkOfficeTold(command.OfficerId, time.GetUtcNow());
            var business = await InspectionReads.BusinessNameAsync(db, visit, cancellationToken);
            return new Response(visit.Id, business, visit.OfficeToldAt!.Value);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/inspections/{visitId:guid}/office-told", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid visitId, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                RequestLanguage.SetContentLanguage(http, RequestLanguage.From(http));
                return (await sender.Send(new Command(user.UserId(), visitId), cancellationToken)).ToOk();
            })
            .WithName("MarkInspectionOfficeTold")
            .WithSummary("Mark that the inspector's office was told a visit was called off (its permit ended): it leaves calledOff in the list of visits; the first mark is kept. 409 inspection_not_called_off for a visit not called off, 404 inspection_not_found.");
}
