using LicensingPortal.Api.Infrastructure;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// A licensing officer takes back the mark that the technical office was told of a visit called off (pressed by
/// mistake, or the office could not be reached after all): the visit is again on the officers' list of visits called
/// off, for someone to tell the office. Taking back a mark not there changes nothing.
/// </summary>
public static class UndoOfficeTold
{
    public sealed record Response(Guid VisitId, string BusinessName);

    public sealed record Command(Guid VisitId) : ICommand<Result<Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VisitId).NotEmpty();
        }
    }

    public sealed class Handler(LicensingDbContext db) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.InspectionVisits.FirstOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
            if (visit is null)
            {
                return InspectionReads.NotFound;
            }

            visit.UndoOfficeTold();
            var business = await InspectionReads.BusinessNameAsync(db, visit, cancellationToken);
            return new Response(visit.Id, business);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/inspections/{visitId:guid}/office-told", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid visitId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                RequestLanguage.SetContentLanguage(http, RequestLanguage.From(http));
                return (await sender.Send(new Command(visitId), cancellationToken)).ToOk();
            })
            .WithName("UndoInspectionOfficeTold")
            .WithSummary("Take back the mark that the technical office was told of a visit called off: the visit is again in calledOff in the list of visits (until its days have passed). A visit without the mark is left as it is. 404 inspection_not_found.");
}
