using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The nightly job (02:55 WITA) that deletes requests for an account back whose link was never opened within its day
/// (<see cref="AccountRecovery.ConfirmWithin"/>), with their photos: a face and an identity card sent by someone whose
/// address was never proved to open, which no administrator ever read, are not kept; and the photos of requests decided
/// <see cref="AccountRecovery.PhotoKeptAfterDecision"/> ago (the request stays, with the photo's fingerprint).
/// </summary>
public static partial class SweepUnconfirmedRecoveries
{
    public const string RecurringJobId = "account-recovery-sweep";

    /// <summary>18:55 UTC is 02:55 WITA.</summary>
    public const string Cron = "55 18 * * *";

    /// <summary>The number of photos deleted (with their requests, or after their decisions).</summary>
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

            var now = time.GetUtcNow();
            var decidedBefore = now - AccountRecovery.PhotoKeptAfterDecision;
            var decided = await db.AccountRecoveries.Where(r => r.DecidedAt != null && r.DecidedAt <= decidedBefore && r.PhotoDeletedAt == null).ToListAsync(cancellationToken);
            foreach (var recovery in decided)
            {
                recovery.PhotoDeleted(now);
                await storage.RemoveAsync(recovery.PhotoKey, afterCommit, cancellationToken);
            }

            if (decided.Count > 0)
            {
                PhotosDeleted(logger, decided.Count);
            }

            return lapsed.Count + decided.Count;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} requests for an account back whose link was never opened, with their photos.")]
        private static partial void Deleted(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the photos of {Count} requests for an account back decided long enough ago.")]
        private static partial void PhotosDeleted(ILogger logger, int count);
    }

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
