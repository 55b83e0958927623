using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>
/// The nightly job (02:35 WITA) that clears uploaded files no document (nor file of evidence with a report of a demand
/// for money, kept in the same place) names: a file written by an upload whose
/// transaction never committed (the process or the database died in between, or a repeated keyed upload lost to the
/// first), one a deletion could not remove after its commit, or a ".part" left by an upload cut off mid-write. Such a
/// file holds a person's document with nothing to show it or delete it, so it is not kept for good.
/// <para>
/// Only the folder's own files are considered (<c>xx/&lt;document id&gt;</c>, by the id in their name, never by a path
/// compared as text), once they are a day old (an upload on another node may not have committed yet). A file is not
/// deleted at once but moved aside, to <c>.orphaned/&lt;day&gt;/</c>, and deleted 30 days later, so that a mistake (a
/// node started against an empty or an older database) can be undone by moving the files back; and when the database
/// names no document at all while the folder holds some, nothing is moved and a warning is logged.
/// </para>
/// </summary>
public static partial class SweepDocumentFiles
{
    public const string RecurringJobId = "document-file-sweep";

    /// <summary>18:35 UTC is 02:35 WITA, when hardly anyone uploads.</summary>
    public const string Cron = "35 18 * * *";

    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public const int KeptAsideDays = 30;

    private const int BatchSize = 500;

    /// <summary>The number of files moved aside.</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed partial class Handler(LicensingDbContext db, LocalFolderDocumentStorage folder, TimeProvider time, ILogger<Handler> logger) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            folder.PurgeSetAside(today.AddDays(-KeptAsideDays));
            var files = folder.DocumentFilesWrittenBefore((time.GetUtcNow() - Grace).UtcDateTime).ToList();
            if (files.Count == 0)
            {
                return 0;
            }

            if (!await db.Documents.AnyAsync(cancellationToken) && !await db.LevyReportEvidence.AnyAsync(cancellationToken) && !await db.AccountRecoveries.AnyAsync(cancellationToken))
            {
                NoDocuments(logger, files.Count);
                return 0;
            }

            var moved = 0;
            foreach (var batch in files.Chunk(BatchSize))
            {
                var ids = batch.Select(f => f.DocumentId).Distinct().ToList();
                var named = (await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
                named.UnionWith(await db.LevyReportEvidence.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken));
                named.UnionWith(await db.AccountRecoveries.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken));
                moved += batch.Count(f => !named.Contains(f.DocumentId) && folder.TrySetAside(f.Key, today));
            }

            if (moved > 0)
            {
                SetAside(logger, moved, KeptAsideDays);
            }

            return moved;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} uploaded files that no document names to the folder's .orphaned folder; they are deleted after {Days} days.")]
        private static partial void SetAside(ILogger logger, int count, int days);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The document folder holds {Count} files a day old or older, but the database names no document at all: nothing was moved. Is this node connected to the right database?")]
        private static partial void NoDocuments(ILogger logger, int count);
    }

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
