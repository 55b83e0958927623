using LicensingPortal.Api.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.UseCases;

/// <summary>
/// One transaction on the request's DbContext (and so on one pooled connection): begins it, runs the work, saves what
/// the work changed (with the transparency-log entries it recorded), commits, and only then hands the notifications it
/// raised to the job queue (through <see cref="OutboxDispatch"/>) and runs what it asked of <see cref="AfterCommit"/>.
/// If the work throws, or its result is not to be kept, nothing of it is stored: no change, no notice, no log entry.
/// Work started while a unit is open joins it: the outer unit saves and commits. What runs after the commit cannot
/// undo it: an action that fails there is logged, and the request still answers what was committed.
/// </summary>
public sealed partial class UnitOfWork(LicensingDbContext db, OutboxDispatch dispatch, AfterCommit afterCommit, IOptions<JobsOptions> jobsOptions, ILogger<UnitOfWork> logger)
{
    public bool IsOpen => db.Database.CurrentTransaction is not null;

    public async ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(keep);
        if (IsOpen)
        {
            return await work(cancellationToken);
        }

        List<Guid> raised;
        IReadOnlyList<Action> then;
        T result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // A failed save rolls the whole unit back, so EF's savepoint around the save would only cost two statements.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                result = await work(cancellationToken);
                if (!keep(result))
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    afterCommit.Take();
                    return result;
                }

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
            try
            {
                action();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                AfterCommitFailed(logger, exception);
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An action after a committed unit of work failed; the commit stands")]
    private static partial void AfterCommitFailed(ILogger logger, Exception exception);
}
