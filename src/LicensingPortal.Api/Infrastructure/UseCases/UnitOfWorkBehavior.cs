using LicensingPortal.Api.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.UseCases;

/// <summary>
/// The unit of work of every command (API endpoints, pages and background jobs alike): begins the transaction,
/// runs the handler, saves what it changed (with the transparency-log entries it recorded), commits, and only then hands the
/// notifications it raised to the job queue (through <see cref="OutboxDispatch"/>, which enqueues them off the request thread). A handler only changes entities, records log entries and raises
/// notices (and asks <see cref="AfterCommit"/> for jobs); it never begins, flushes or commits anything itself. If the handler or the save throws, nothing of
/// it is stored: no change, no notice, no log entry. A handler returns its expected failures before it changes
/// anything, so what it did change before returning (a failed log-in counting towards a lockout) is kept.
/// A command sent while another is running joins its unit of work.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(LicensingDbContext db, OutboxDispatch dispatch, AfterCommit afterCommit, IOptions<JobsOptions> jobsOptions)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        List<Guid> raised;
        IReadOnlyList<Action> then;
        TResponse response;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // A failed save rolls the whole unit back, so EF's savepoint around the save would only cost two statements.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                response = await next(message, cancellationToken);
                raised = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                then = afterCommit.Take();
            }
            catch
            {
                db.ChangeTracker.Clear();
                afterCommit.Take();
                throw;
            }
        }

        if (jobsOptions.Value.EnqueueOnCommit)
        {
            foreach (var id in raised)
            {
                dispatch.Dispatch(id);
            }
        }

        foreach (var action in then)
        {
            action();
        }

        return response;
    }
}
