using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The nightly job (02:55 WITA) that deletes requests for an account back whose link was never opened within its day
/// (<see cref="AccountRecovery.ConfirmWithin"/>), with their photos: a face and an identity card sent by someone whose
/// address was never proved to open, which no administrator ever read, are not kept.
/// </summary>
public static partial class SweepUnconfirmedRecoveries
{
    public const string RecurringJobId = "account-recovery-sweep";

    /// <summary>18:55 UTC is 02:55 WITA.</summary>
    public const string Cron = "55 18 * * *";

    /// <summary>The number of requests deleted.</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed partial class Handler(LicensingDbContext db, IDocumentStorage storage, Infrastructure.Jobs.AfterCommit afterCommit, TimeProvider time, ILogger<Handler> logger)
        : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var before = time.GetUtcNow() - AccountRecovery.ConfirmWithin;
            var lapsed = await db.AccountRecoveries.Where(r => r.Status == AccountRecoveryStatus.Unconfirmed && r.AskedAt < before).ToListAsync(cancellationToken);
            foreach (var recovery in lapsed)
            {
                db.AccountRecoveries.Remove(recovery);
                await storage.RemoveAsync(recovery.PhotoKey, afterCommit, cancellationToken);
            }

            if (lapsed.Count > 0)
            {
                Deleted(logger, lapsed.Count);
            }

            return lapsed.Count;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} requests for an account back whose link was never opened, with their photos.")]
        private static partial void Deleted(ILogger logger, int count);
    }

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
