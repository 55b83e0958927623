using System.Threading.Channels;

namespace LicensingPortal.Api.Infrastructure.Jobs;

/// <summary>
/// Hands committed outbox messages to the job queue on a thread of its own, so that a request never waits for it.
/// The job queue's client is synchronous (Hangfire writes the job in its own transactions); called on request
/// threads it blocked one thread-pool thread per submission, and under 64 concurrent submissions on two cores the
/// pool starved (p50 15 s, docs/benchmarks.md). A message that is never handed over (the process stops first) is
/// committed all the same, and the outbox sweep enqueues it.
/// </summary>
public sealed partial class OutboxDispatch(IServiceScopeFactory scopes, ILogger<OutboxDispatch> logger) : BackgroundService
{
    /// <summary>The most messages one delivery job takes.</summary>
    public const int BatchSize = 10;

    /// <summary>
    /// How long messages gather before their jobs are queued, unless a batch fills first. At 20 ms, 80 submissions a
    /// second made jobs of one or two messages, and the job queue's bookkeeping per job cost a submission with its
    /// e-mail about a quarter more CPU (ADR 0012). An e-mail or an integrator's webhook leaving 0.2 s later costs
    /// nobody anything: the applicant's inbox entry is written with the decision itself.
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);

    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Set when a full batch is waiting, so the dispatcher stops gathering early.</summary>
    private readonly ManualResetEventSlim full = new();

    /// <summary>Messages queued and not yet taken (the single-reader channel does not count them).</summary>
    private int waiting;

    /// <summary>Queues a committed message for delivery; returns at once.</summary>
    public void Dispatch(Guid outboxMessageId)
    {
        if (!queue.Writer.TryWrite(outboxMessageId))
        {
            LogNotHandedOver(logger, outboxMessageId);
        }
        else if (Interlocked.Increment(ref waiting) >= BatchSize)
        {
            full.Set();
        }
    }

    public override void Dispose()
    {
        full.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var thread = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                thread.SetResult();
            }
            catch (Exception exception)
            {
                thread.SetException(exception);
            }
        })
        { IsBackground = true, Name = "outbox-dispatch" }.Start();
        return thread.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
        try
        {
            while (queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                // A burst's messages gather until a batch is full or for at most a moment, then one job per
                // handful: a lone message waits at most this long, and a burst costs the job queue's bookkeeping
                // once per batch, not per message.
                full.Wait(Gather, stoppingToken);
                full.Reset();
                var batch = new List<Guid>(BatchSize);
                while (queue.Reader.TryRead(out var id))
                {
                    Interlocked.Decrement(ref waiting);
                    batch.Add(id);
                    if (batch.Count == BatchSize)
                    {
                        jobs.EnqueueOutboxDeliveries(batch);
                        batch = new List<Guid>(BatchSize);
                    }
                }

                if (batch.Count > 0)
                {
                    jobs.EnqueueOutboxDeliveries(batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: hand over what is already queued; the sweep takes anything later.
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var id))
            {
                jobs.EnqueueOutboxDelivery(id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxMessageId} is left to the sweep: the dispatcher has stopped.")]
    private static partial void LogNotHandedOver(ILogger logger, Guid outboxMessageId);
}
