using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Infrastructure.Storage;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Documents;

public abstract class DocumentTests(Portal portal)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    [Fact]
    public async Task Upload_Pdf_IsStoredWithItsSha256AndCanBeDownloadedByItsOwner()
    {
        using var applicant = await portal.ApplicantAsync();

        var response = await applicant.Client.PostAsync("/api/documents", Builders.Form("ktp", Builders.Pdf, "ktp.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = (await response.Content.ReadFromJsonAsync<DocumentResponse>(TestJson.Options))!;
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Builders.Pdf)), document.Sha256);
        Assert.Equal(Builders.Pdf.Length, document.SizeBytes);
        Assert.Equal(Builders.Pdf, await applicant.Client.GetByteArrayAsync($"/api/documents/{document.Id}/content"));
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    public async Task Upload_Image_TypeComesFromItsBytesNotItsNameOrHeader(string format, string expected)
    {
        using var applicant = await portal.ApplicantAsync();
        var bytes = format == "png" ? Png : Jpeg;

        var response = await applicant.Client.PostAsync("/api/documents", Builders.Form("foto-lokasi", bytes, "foto.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<DocumentResponse>(TestJson.Options))!.ContentType);
    }

    [Fact]
    public async Task Upload_TextLabelledAsPdf_IsRefusedWith415()
    {
        using var applicant = await portal.ApplicantAsync();
        var text = "bukan PDF, hanya teks"u8.ToArray();

        var response = await applicant.Client.PostAsync("/api/documents", Builders.Form("ktp", text, "ktp.pdf", "application/pdf"));

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "document_type_not_allowed");
    }

    [Fact]
    public async Task Upload_LargerThan10MB_IsRefusedWith413AndNothingIsStored()
    {
        using var applicant = await portal.ApplicantAsync();
        var large = new byte[UploadedFiles.MaxBytes + 1];
        Builders.Pdf.CopyTo(large, 0);

        var response = await applicant.Client.PostAsync("/api/documents", Builders.Form("akta-pendirian", large, "akta.pdf", "application/pdf"));

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "document_too_large");
        Assert.False(Directory.Exists(Path.Combine(portal.DataDirectory, "documents")) && Directory.EnumerateFiles(Path.Combine(portal.DataDirectory, "documents"), "*", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > UploadedFiles.MaxBytes));
    }

    [Fact]
    public async Task Delete_RemovesTheRecordAndItsFile_IsNotFoundForOthers_AndKeepsWhatASentApplicationNames()
    {
        using var applicant = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        var stray = await applicant.Client.UploadAsync(fileName: "ktp-orang-lain.pdf");
        var file = Path.Combine(portal.DataDirectory, "documents", stray.ToString("N")[..2], stray.ToString("N"));
        Assert.True(File.Exists(file));

        // Another applicant's document is not found, and stays.
        await SubmitApplicationTests.AssertProblemAsync(await other.Client.DeleteAsync($"/api/documents/{stray}"), HttpStatusCode.NotFound, "document_not_found");
        Assert.True(File.Exists(file));

        Assert.Equal(HttpStatusCode.NoContent, (await applicant.Client.DeleteAsync($"/api/documents/{stray}")).StatusCode);
        Assert.False(File.Exists(file));
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.Client.GetAsync($"/api/documents/{stray}")).StatusCode);
        await SubmitApplicationTests.AssertProblemAsync(await applicant.Client.DeleteAsync($"/api/documents/{stray}"), HttpStatusCode.NotFound, "document_not_found");

        // A document a sent application names is its evidence: kept, and the list says so.
        var request = await applicant.Client.RestaurantAsync();
        await applicant.Client.SubmitAsync(request);
        var attached = request.DocumentIds!.Single();
        await SubmitApplicationTests.AssertProblemAsync(await applicant.Client.DeleteAsync($"/api/documents/{attached}"), HttpStatusCode.Conflict, "document_in_use");
        var listed = await applicant.Client.GetFromJsonAsync<List<DocumentResponse>>("/api/documents", TestJson.Options);
        Assert.True(listed!.Single(d => d.Id == attached).Attached);
        Assert.Equal(Builders.Pdf, await applicant.Client.GetByteArrayAsync($"/api/documents/{attached}/content"));
    }

    [Fact]
    public async Task TheNightlySweep_SetsAsideOldFilesNoDocumentNames_KeepsTheRest_AndDeletesWhatWaitedAMonth()
    {
        using var applicant = await portal.ApplicantAsync();
        var kept = await applicant.Client.UploadAsync(fileName: "ktp.pdf");
        // A report's evidence is kept where documents are, and no document names it: the sweep must know it too.
        var report = (await (await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = "Petugas meminta uang rokok supaya berkas saya cepat diproses." })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        using var evidenceForm = new MultipartFormDataContent { { new ByteArrayContent(Builders.Png), "evidence", "bukti.png" } };
        var sent = await (await applicant.Client.PostAsync($"/api/me/levy-reports/{(string)report["id"]!}/evidence", evidenceForm)).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var evidence = Guid.Parse((string)sent!["answers"]![0]!["evidence"]![0]!["id"]!);
        var folder = Path.Combine(portal.DataDirectory, "documents");
        string FileOf(Guid id) => Path.Combine(folder, id.ToString("N")[..2], id.ToString("N"));
        string Write(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Builders.Pdf);
            return path;
        }

        // An upload whose transaction never committed, and one cut off mid-write, two days ago; one being uploaded now;
        // a file that is no document's (an operator's note); and what was set aside 31 days ago.
        var orphan = Write(FileOf(Guid.CreateVersion7()));
        var unfinished = Write(FileOf(Guid.CreateVersion7()) + ".part");
        var young = Write(FileOf(Guid.CreateVersion7()));
        var note = Write(Path.Combine(folder, "CATATAN.txt"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var expired = Write(Path.Combine(folder, ".orphaned", today.AddDays(-31).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Guid.CreateVersion7().ToString("N")));
        var waiting = Write(Path.Combine(folder, ".orphaned", today.AddDays(-29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Guid.CreateVersion7().ToString("N")));
        var twoDaysAgo = DateTime.UtcNow.AddDays(-2);
        foreach (var path in new[] { FileOf(kept), FileOf(evidence), orphan, unfinished, note, expired, waiting })
        {
            File.SetLastWriteTimeUtc(path, twoDaysAgo);
        }

        int moved;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            moved = (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new SweepDocumentFiles.Command())).Value;
        }

        // Set aside under today's date for a month, not deleted at once: a mistake can be moved back.
        Assert.Equal(2, moved);
        var aside = Path.Combine(folder, ".orphaned", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(unfinished));
        Assert.True(File.Exists(Path.Combine(aside, Path.GetFileName(orphan))));
        Assert.True(File.Exists(Path.Combine(aside, Path.GetFileName(unfinished))));
        Assert.True(File.Exists(young));
        Assert.True(File.Exists(FileOf(evidence)));
        Assert.True(File.Exists(note));
        Assert.False(File.Exists(expired));
        Assert.True(File.Exists(waiting));
        Assert.Equal(Builders.Pdf, await applicant.Client.GetByteArrayAsync($"/api/documents/{kept}/content"));
        using var connection = portal.Factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == SweepDocumentFiles.RecurringJobId && j.Cron == SweepDocumentFiles.Cron);
    }

    [Fact]
    public async Task ADocumentWhoseBytesAreGone_IsNotFound_NeverAFailure()
    {
        using var applicant = await portal.ApplicantAsync();
        var id = await applicant.Client.UploadAsync(fileName: "ktp.pdf");
        // Its bytes gone as a restore without the folder (or the row of bytes) would leave it.
        var file = Path.Combine(portal.DataDirectory, "documents", id.ToString("N")[..2], id.ToString("N"));
        if (File.Exists(file))
        {
            File.Delete(file);
        }
        else
        {
            await using var scope = portal.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Api.Data.LicensingDbContext>();
            Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.DocumentContents.Where(c => c.Key.EndsWith(id.ToString("N")))));
        }

        await Problems.AssertAsync(await applicant.Client.GetAsync($"/api/documents/{id}/content"), HttpStatusCode.NotFound, "document_not_found");
    }

    [Fact]
    public async Task Delete_WhoseFileCannotBeRemovedAfterTheCommit_StillAnswersTheCommittedDeletion()
    {
        using var applicant = await portal.ApplicantAsync();
        var document = await applicant.Client.UploadAsync();
        var file = Path.Combine(portal.DataDirectory, "documents", document.ToString("N")[..2], document.ToString("N"));
        // A real failure, even for root: where the file was, a folder that File.Delete refuses.
        File.Delete(file);
        Directory.CreateDirectory(Path.Combine(file, "busy"));

        Assert.Equal(HttpStatusCode.NoContent, (await applicant.Client.DeleteAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.Client.GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.True(Directory.Exists(file));
        Directory.Delete(file, recursive: true);
    }

    [Fact]
    public async Task Delete_WithDocumentsInTheDatabase_RemovesTheBytesWithTheRecord()
    {
        var settings = Portal.DefaultSettings();
        settings["Storage:Documents"] = "Database";
        await using var host = portal.Create(settings);
        using var applicant = await Accounts.CreateAsync(host, Api.Infrastructure.Auth.Roles.Applicant);
        var document = await applicant.Client.UploadAsync();
        long Stored()
        {
            using var scope = host.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<Api.Data.LicensingDbContext>().DocumentContents.LongCount(c => c.Key == "db/" + document.ToString("N"));
        }

        Assert.Equal(1, Stored());
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.Client.DeleteAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(0, Stored());
    }

    [Fact]
    public async Task Upload_UnknownKind_Returns400()
    {
        using var applicant = await portal.ApplicantAsync();

        var response = await applicant.Client.PostAsync("/api/documents", Builders.Form("surat-cinta", Builders.Pdf, "x.pdf", "application/pdf"));

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Application_WithoutTheKtp_IsRejectedNamingTheMissingDocument()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { DocumentIds = [] };

        var application = await applicant.Client.SubmitAsync(request);

        Assert.Equal("rejected", application.Decision!.Outcome);
        Assert.Equal(["DOKUMEN-KTP"], application.Decision.FailedRequirements.Select(f => f.Id));
    }
}

public sealed class DocumentTestsOnSqlite(SqlitePortal portal) : DocumentTests(portal), IClassFixture<SqlitePortal>;

public sealed class DocumentTestsOnPostgres(PostgresPortal portal) : DocumentTests(portal), IClassFixture<PostgresPortal>;
