using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Me;

/// <summary>Marks one of one's notifications as read.</summary>
public static class MarkNotificationRead
{
    public sealed record Command(Guid UserId, Guid Id) : ICommand<Result<Guid>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var notification = await db.NotificationsOf(command.UserId).FirstOrDefaultAsync(n => n.Id == command.Id, cancellationToken);
            if (notification is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The notification was not found.");
            }

            notification.MarkRead(time.GetUtcNow());
            return notification.Id;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/notifications/{id:guid}/read", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id), cancellationToken)).ToNoContent())
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one of your notifications as read.");
}
