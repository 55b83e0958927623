namespace LicensingPortal.Api.Infrastructure.Jobs;

/// <summary>
/// Hides the job queue (Hangfire) from the features. A job is enqueued only after the write it depends on has
/// committed: the unit of work does it for the notifications a command raised, and runs what a handler asked
/// for with <see cref="AfterCommit"/>.
/// </summary>
public interface IJobScheduler
{
    void EnqueueOutboxDelivery(Guid outboxMessageId);

    /// <summary>One job that delivers several messages one after another (fewer jobs' bookkeeping in a burst).</summary>
    void EnqueueOutboxDeliveries(IReadOnlyList<Guid> outboxMessageIds);

    void ScheduleOutboxDelivery(Guid outboxMessageId, DateTimeOffset at);

    void EnqueueWhatIf(Guid runId);
}

/// <summary>What a command's handler wants done once its unit of work has committed (enqueue a job); nothing when it did not.</summary>
public sealed class AfterCommit
{
    private readonly List<Action> actions = [];

    public void Run(Action action) => actions.Add(action);

    /// <summary>The actions asked for, handed over once.</summary>
    public IReadOnlyList<Action> Take()
    {
        var taken = actions.ToList();
        actions.Clear();
        return taken;
    }
}
