using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>
/// The nightly job (02:35 WITA) that removes uploaded files no document names: a file written by an upload whose
/// transaction never committed (the process or the database died in between, or a repeated keyed upload lost to the
/// first), one a deletion could not remove after its commit, or a ".part" left by an upload cut off mid-write. Such a
/// file holds a person's document with nothing to show it or delete it, so it is not kept. Files younger than a day are
/// left alone: an upload on another node may not have committed yet.
/// </summary>
public static partial class SweepDocumentFiles
{
    public const string RecurringJobId = "document-file-sweep";

    /// <summary>18:35 UTC is 02:35 WITA, when hardly anyone uploads.</summary>
    public const string Cron = "35 18 * * *";

    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    private const int BatchSize = 500;

    /// <summary>The number of files removed.</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed partial class Handler(LicensingDbContext db, LocalFolderDocumentStorage folder, TimeProvider time, ILogger<Handler> logger) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var removed = 0;
            var writtenBefore = (time.GetUtcNow() - Grace).UtcDateTime;
            foreach (var batch in folder.FilesWrittenBefore(writtenBefore).Chunk(BatchSize))
            {
                var named = await db.Documents.AsNoTracking().Where(d => batch.Contains(d.StorageKey)).Select(d => d.StorageKey).ToListAsync(cancellationToken);
                foreach (var key in batch.Except(named, StringComparer.Ordinal))
                {
                    if (folder.TryDelete(key))
                    {
                        removed++;
                    }
                }
            }

            if (removed > 0)
            {
                Removed(logger, removed);
            }

            return removed;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} uploaded files that no document names.")]
        private static partial void Removed(ILogger logger, int count);
    }

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
