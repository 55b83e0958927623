using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace LicensingPortal.Api.Tests.Features.Documents;

/// <summary>
/// The nightly sweep's guard, on a real SQLite database and a real folder: a node started against a database that
/// names no document at all (a mistyped connection string, a move before the data was copied) sets nothing aside.
/// </summary>
public sealed class SweepDocumentFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweep-").FullName;

    [Fact]
    public async Task ADatabaseWithNoDocumentAtAll_LeavesEveryFileWhereItIs()
    {
        var options = new DbContextOptionsBuilder<SqliteLicensingDbContext>();
        SqliteLicensingDbContext.Configure(options, $"Data Source={Path.Combine(folder, "kosong.db")};Pooling=False");
        await using var db = new SqliteLicensingDbContext(options.Options);
        await db.Database.MigrateAsync();
        var documents = Path.Combine(folder, "documents");
        var id = Guid.CreateVersion7().ToString("N");
        var file = Path.Combine(documents, id[..2], id);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, [0x25, 0x50, 0x44, 0x46]);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));

        var moved = await new SweepDocumentFiles.Handler(db, new LocalFolderDocumentStorage(documents), TimeProvider.System, NullLogger<SweepDocumentFiles.Handler>.Instance)
            .Handle(new SweepDocumentFiles.Command(), CancellationToken.None);

        Assert.Equal(0, moved.Value);
        Assert.True(File.Exists(file));
        Assert.False(Directory.Exists(Path.Combine(documents, LocalFolderDocumentStorage.SetAsideFolder)));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
