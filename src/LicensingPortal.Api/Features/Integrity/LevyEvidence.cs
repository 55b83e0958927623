using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// A file sent as evidence with a report or an addition, as the request carried it; the handler opens its content
/// when it reads it (the files of a form share the request's one body, so one is read at a time).
/// </summary>
public sealed record EvidenceFile(string? FileName, long Length, Func<Stream> Open);

/// <summary>A file of evidence as a report's readers see it: its name, type and size (only the inspectorate opens it, by its id).</summary>
public sealed record LevyEvidenceView(Guid Id, string FileName, string ContentType, long Size);

/// <summary>
/// What a report and an addition do alike with the files sent with them: at most <see cref="LevyReportEvidence.PerSending"/>
/// files of at most 10 MB each (the limit of every upload), PDF, JPEG or PNG by their first bytes whatever their names,
/// every one checked before any is kept, and kept where uploaded documents are (the folder or the database).
/// </summary>
public static class LevyEvidence
{
    /// <summary>The largest request that carries a sending's files and its words.</summary>
    public const long RequestLimit = (LevyReportEvidence.PerSending * UploadDocument.MaxBytes) + (1024 * 1024);

    /// <summary>The field the files are sent in (multipart) and errors about them are said at.</summary>
    public const string Field = "evidence";

    /// <summary>The validator's rules for the files of one sending.</summary>
    public static void Validate<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<EvidenceFile>?>> files)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(files).Must(f => f is null || f.Count <= LevyReportEvidence.PerSending)
            .WithMessage(_ => Texts.Format("Validation.Levy.EvidenceCount", LevyReportEvidence.PerSending)).OverridePropertyName(Field);
        validator.RuleFor(files).Must(f => f is null || f.All(file => file.Length <= UploadDocument.MaxBytes))
            .WithMessage(_ => Texts.Get("Validation.Levy.EvidenceSize")).OverridePropertyName(Field);
    }

    /// <summary>
    /// Checks the files of a sending before anything of it changes (a use case's failure keeps what it changed):
    /// their types by their first bytes, in their order, and that the report (<paramref name="reportId"/>; null for a
    /// new one) has room for them. An error at the field <see cref="Field"/> when one is not a PDF, JPEG or PNG or the
    /// report would hold more than it may.
    /// </summary>
    public static async Task<Result<IReadOnlyList<string>>> CheckAsync(LicensingDbContext db, Guid? reportId, IReadOnlyList<EvidenceFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return Array.Empty<string>();
        }

        var held = reportId is { } id ? await db.LevyReportEvidence.CountAsync(e => e.ReportId == id, cancellationToken) : 0;
        if (held + files.Count > LevyReportEvidence.PerReport)
        {
            var room = Math.Max(0, LevyReportEvidence.PerReport - held);
            return Error.Invalid(Field, room == 0 ? Texts.Format("Validation.Levy.EvidenceFull.None", LevyReportEvidence.PerReport) : Texts.Format("Validation.Levy.EvidenceFull", LevyReportEvidence.PerReport, room));
        }

        var types = new List<string>(files.Count);
        foreach (var file in files)
        {
            var head = new byte[8];
            int read;
            await using (var content = file.Open())
            {
                read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            }

            if (UploadDocument.Sniff(head.AsSpan(0, read)) is not { } type)
            {
                var message = Texts.Format("Validation.Levy.EvidenceType", UploadDocument.SafeFileName(file.FileName));
                return new Error(ErrorCodes.DocumentTypeNotAllowed, StatusCodes.Status415UnsupportedMediaType, "Only PDF, JPEG and PNG files are accepted as evidence.", message, new Dictionary<string, string[]> { [Field] = [message] });
            }

            types.Add(type);
        }

        return types;
    }

    /// <summary>Keeps the checked files (<see cref="CheckAsync"/>) with the report, and with the addition <paramref name="entryId"/> when they came with one.</summary>
    public static async Task KeepAsync(LicensingDbContext db, IDocumentStorage storage, Guid reportId, Guid? entryId, IReadOnlyList<EvidenceFile> files, IReadOnlyList<string> types, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(types);
        for (var i = 0; i < files.Count; i++)
        {
            var id = Guid.CreateVersion7(now);
            await using var content = files[i].Open();
            var (key, sha256, size) = await storage.SaveAsync(id, content, cancellationToken);
            db.LevyReportEvidence.Add(LevyReportEvidence.Of(id, reportId, entryId, i, UploadDocument.SafeFileName(files[i].FileName), types[i], size, sha256, key, now));
        }
    }

    /// <summary>
    /// Reports' files, oldest first, by the addition they came with, or by the report's id for those sent with the
    /// report itself; those kept in this unit of work and not yet committed among them.
    /// </summary>
    public static async Task<ILookup<Guid, LevyEvidenceView>> OfAsync(LicensingDbContext db, IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        var stored = await db.LevyReportEvidence.AsNoTracking().Where(e => reportIds.Contains(e.ReportId)).ToListAsync(cancellationToken);
        var kept = db.ChangeTracker.Entries<LevyReportEvidence>().Where(e => e.State == EntityState.Added && reportIds.Contains(e.Entity.ReportId)).Select(e => e.Entity);
        return stored.Concat(kept).OrderBy(e => e.AddedAt).ThenBy(e => e.Position)
            .ToLookup(e => e.EntryId ?? e.ReportId, e => new LevyEvidenceView(e.Id, e.FileName, e.ContentType, e.Size));
    }

    /// <summary>Uploaded files, empty ones (a form's file input left empty) left out.</summary>
    public static IReadOnlyList<EvidenceFile> Of(IEnumerable<IFormFile> files) =>
        [.. (files ?? []).Where(f => f.Length > 0).Select(f => new EvidenceFile(f.FileName, f.Length, f.OpenReadStream))];
}
