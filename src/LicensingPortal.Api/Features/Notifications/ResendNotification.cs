namespace LicensingPortal.Api.Features.Notifications;

/// <summary>An officer sends a dead-lettered notification again: a fresh series of attempts, with the same id.</summary>
public static class ResendNotification
{
    public sealed record Command(Guid Id) : ICommand<Result<Guid>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, Infrastructure.Jobs.IJobScheduler jobs, Infrastructure.Jobs.AfterCommit afterCommit) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == command.Id && m.DeadLetteredAt != null, cancellationToken);
            if (message is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "No dead-lettered notification with that id.");
            }

            message.Resend();
            afterCommit.Run(() => jobs.EnqueueOutboxDelivery(message.Id));
            return message.Id;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/resend", async Task<Results<Accepted, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(id), cancellationToken);
                return result.Succeeded ? TypedResults.Accepted($"/api/notifications/{id}") : result.Error!.ToProblem();
            })
            .WithName("ResendNotification")
            .WithSummary("Send a dead-lettered notification again.");
}
