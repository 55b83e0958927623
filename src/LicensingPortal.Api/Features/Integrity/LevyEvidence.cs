using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// A file sent as evidence with a report or an addition, as the request carried it; the handler opens its content
/// when it reads it (the files of a form share the request's one body, so one is read at a time).
/// </summary>
public sealed record EvidenceFile(string? FileName, long Length, Func<Stream> Open);

/// <summary>
/// A file of a sending once checked: its type by its first bytes, the number it is kept under in its report ("bukti-2.jpg":
/// a phone's file name says when it was taken), and a photo's content without its metadata (null for a PDF, kept as it came).
/// </summary>
public sealed record CheckedEvidence(string Type, string FileName, byte[]? Cleaned);

/// <summary>A file of evidence as a report's readers see it: its name, type and size (only the inspectorate opens it, by its id).</summary>
public sealed record LevyEvidenceView(Guid Id, string FileName, string ContentType, long Size);

/// <summary>
/// What a report and an addition do alike with the files sent with them: at most <see cref="LevyReportEvidence.PerSending"/>
/// files of at most 10 MB each (the limit of every upload), PDF, JPEG or PNG by their first bytes whatever their names,
/// every one checked before any is kept, and kept where uploaded documents are (the folder or the database), a photo
/// without its metadata (where and when it was taken, ADR 0033), each under its number in the report ("bukti-1.jpg").
/// </summary>
public static class LevyEvidence
{
    /// <summary>
    /// The largest request that carries a sending's files and its words: room for one file more than a sending may
    /// hold, so that one file too many, or one too large, is said at its field rather than refused unread.
    /// </summary>
    public const long RequestLimit = (LevyReportEvidence.PerSending * UploadedFiles.MaxBytes) + UploadedFiles.RequestLimit;

    /// <summary>The turn sendings of files without an account take to count the day's allowance ("LEVYANON").</summary>
    public const long AnonymousEvidenceTurn = 0x4C45_5659_414E_4F4E;

    /// <summary>The field the files are sent in (multipart) and errors about them are said at.</summary>
    public const string Field = "evidence";

    /// <summary>The validator's rules for the files of one sending.</summary>
    public static void Validate<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<EvidenceFile>?>> files)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(files).Must(f => f is null || f.Count <= LevyReportEvidence.PerSending)
            .WithMessage(_ => Texts.Format("Validation.Levy.EvidenceCount", LevyReportEvidence.PerSending)).OverridePropertyName(Field);
        validator.RuleFor(files).Must(f => f is null || f.All(file => file.Length <= UploadedFiles.MaxBytes))
            .WithMessage((_, f) => Texts.Format("Validation.Levy.EvidenceSize", string.Join(", ", (f ?? []).Where(file => file.Length > UploadedFiles.MaxBytes).Select(file => UploadedFiles.SafeFileName(file.FileName)))))
            .OverridePropertyName(Field);
    }

    /// <summary>
    /// Checks the files of a sending before anything of it changes (a use case's failure keeps what it changed):
    /// their types by their first bytes, in their order, and that the report (<paramref name="reportId"/>; null for a
    /// new one) has room for them, once the sendings to it before this one have been kept. An error at the field
    /// <see cref="Field"/> when one is not a PDF, JPEG or PNG or the report would hold more than it may; from a reporter not signed in (<paramref name="anonymous"/>), 429 when the
    /// day's allowance for all of them is used (<see cref="Infrastructure.Auth.RateLimitOptions.AnonymousEvidenceMegabytesPerDay"/>).
    /// </summary>
    public static async Task<Result<IReadOnlyList<CheckedEvidence>>> CheckAsync(LicensingDbContext db, Guid? reportId, IReadOnlyList<EvidenceFile> files, bool anonymous, Infrastructure.Auth.RateLimitOptions limits, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        if (files.Count == 0)
        {
            return Array.Empty<CheckedEvidence>();
        }

        var read = new List<(string Type, string Extension, byte[]? Cleaned)>(files.Count);
        foreach (var file in files)
        {
            string? type;
            await using (var content = file.Open())
            {
                type = await UploadedFiles.SniffAsync(content, cancellationToken);
            }

            if (type is null)
            {
                var message = Texts.Format("Validation.Levy.EvidenceType", UploadedFiles.SafeFileName(file.FileName));
                return new Error(ErrorCodes.DocumentTypeNotAllowed, StatusCodes.Status415UnsupportedMediaType, "Only PDF, JPEG and PNG files are accepted as evidence.", message, new Dictionary<string, string[]> { [Field] = [message] });
            }

            byte[]? cleaned = null;
            if (type is "image/jpeg" or "image/png")
            {
                // A photo no decoder reads is refused, not kept with the place it may hold.
                cleaned = ImageMetadata.Strip(await ReadAsync(file, cancellationToken), type);
                if (cleaned is null)
                {
                    var message = Texts.Format("Validation.Levy.EvidenceUnreadable", UploadedFiles.SafeFileName(file.FileName));
                    return new Error(ErrorCodes.LevyEvidenceUnreadable, StatusCodes.Status422UnprocessableEntity, "A photo sent as evidence could not be read as the picture it says it is.", message, new Dictionary<string, string[]> { [Field] = [message] });
                }
            }

            read.Add((type, type switch { "image/jpeg" => ".jpg", "image/png" => ".png", _ => ".pdf" }, cleaned));
        }

        if (anonymous)
        {
            // Once the files are read (not while), sendings without an account take their turn for the unit of work
            // (PostgreSQL, whose units read what was committed before each statement; SQLite's units take theirs
            // already): each counts what those before it kept, so sendings at once cannot together pass the allowance.
            await db.TakeTurnAsync(AnonymousEvidenceTurn, cancellationToken);
            var dayBegan = Wita.StartOf(Wita.Today(time));
            var taken = await db.LevyReportEvidence.Where(e => e.AddedAt >= dayBegan)
                .Join(db.LevyReports.Where(r => r.ReporterId == null), e => e.ReportId, r => r.Id, (e, _) => e.Size)
                .SumAsync(cancellationToken);
            if (taken + files.Sum(f => f.Length) > limits.AnonymousEvidenceMegabytesPerDay * 1024L * 1024L)
            {
                var message = Texts.Get("Validation.Levy.EvidenceDay");
                return new Error(ErrorCodes.LevyEvidenceDayFull, StatusCodes.Status429TooManyRequests, "Today's allowance for files sent without an account is used; send the report without files, or the files tomorrow.", message, new Dictionary<string, string[]> { [Field] = [message] });
            }
        }

        var held = 0;
        if (reportId is { } id)
        {
            // Once the files are read (not while), sendings to one report take their turn on its row for the unit of
            // work (PostgreSQL, whose units read what was committed before each statement; SQLite's units take theirs
            // already): the second counts the first's files once it has committed, so no two files share a number and
            // the report never holds more than it may.
            await db.LevyReports.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.WaitingSince, r => r.WaitingSince), cancellationToken);
            held = await db.LevyReportEvidence.CountAsync(e => e.ReportId == id, cancellationToken);
        }

        if (held + files.Count > LevyReportEvidence.PerReport)
        {
            var room = Math.Max(0, LevyReportEvidence.PerReport - held);
            return Error.Invalid(Field, room == 0 ? Texts.Format("Validation.Levy.EvidenceFull.None", LevyReportEvidence.PerReport) : Texts.Format("Validation.Levy.EvidenceFull", LevyReportEvidence.PerReport, room));
        }

        return read.Select((file, i) => new CheckedEvidence(file.Type, $"bukti-{held + i + 1}{file.Extension}", file.Cleaned)).ToList();
    }

    /// <summary>A file's whole content (at most the upload limit, 10 MB, checked before).</summary>
    private static async Task<byte[]> ReadAsync(EvidenceFile file, CancellationToken cancellationToken)
    {
        using var read = new MemoryStream((int)Math.Min(file.Length, UploadedFiles.MaxBytes));
        await using (var content = file.Open())
        {
            await content.CopyToAsync(read, cancellationToken);
        }

        return read.TryGetBuffer(out var buffer) && buffer.Count == buffer.Array!.Length ? buffer.Array : read.ToArray();
    }

    /// <summary>
    /// Keeps the checked files (<see cref="CheckAsync"/>) with the report, and with the addition <paramref name="entryId"/>
    /// when they came with one: a photo as cleaned, under its number, a PDF as it came.
    /// </summary>
    public static async Task KeepAsync(LicensingDbContext db, IDocumentStorage storage, Guid reportId, Guid? entryId, IReadOnlyList<EvidenceFile> files, IReadOnlyList<CheckedEvidence> checkedFiles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(checkedFiles);
        for (var i = 0; i < files.Count; i++)
        {
            var id = Guid.CreateVersion7(now);
            var file = checkedFiles[i];
            await using var content = file.Cleaned is { } cleaned ? new MemoryStream(cleaned, writable: false) : files[i].Open();
            var (key, sha256, size) = await storage.SaveAsync(id, content, cancellationToken);
            db.LevyReportEvidence.Add(LevyReportEvidence.Of(id, reportId, entryId, i, file.FileName, file.Type, size, sha256, key, now));
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

    /// <summary>A request's files in another field than <see cref="Field"/>: refused, rather than dropped unsaid.</summary>
    public static Error? Misplaced(IFormFileCollection files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.FirstOrDefault(f => !string.Equals(f.Name, Field, StringComparison.OrdinalIgnoreCase)) is { } misplaced
            ? Error.Invalid(misplaced.Name, $"Files go in the field '{Field}'.")
            : null;
    }

    /// <summary>Uploaded files, empty ones (a form's file input left empty) left out.</summary>
    public static IReadOnlyList<EvidenceFile> Of(IEnumerable<IFormFile> files) =>
        [.. (files ?? []).Where(f => f.Length > 0).Select(f => new EvidenceFile(f.FileName, f.Length, f.OpenReadStream))];
}
