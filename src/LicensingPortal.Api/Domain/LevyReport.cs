using System.Security.Cryptography;
using System.Text;

namespace LicensingPortal.Api.Domain;

/// <summary>Where a report of a demand for money stands, as its reporter reads it.</summary>
public enum LevyReportStatus
{
    /// <summary>Received; nobody at the inspectorate has answered yet.</summary>
    Received,

    /// <summary>The inspectorate is looking into it.</summary>
    InProgress,

    /// <summary>The inspectorate has finished with it and said what it did.</summary>
    Closed,
}

/// <summary>
/// A report that someone asked for money (or a gift, or a favour) for a permit the service gives free: pungutan liar,
/// pungli. Anyone may report, signed in or not; the city's inspectorate reads and answers it, never the licensing
/// officers, whom it may be about. The reporter is named to the inspectorate only when they chose to be; a signed-in
/// reporter reads the answers in their own list and inbox either way, and one who was not signed in reads them with
/// the report's number and the secret code shown to them once when they sent it.
/// </summary>
public sealed class LevyReport
{
    public const int WhatHappenedMinLength = 10;
    public const int WhatHappenedMaxLength = 4000;
    public const int PlaceMaxLength = 300;
    public const int ContactMaxLength = 200;
    public const int AnswerMaxLength = 2000;

    /// <summary>The most a demand can have been for: a trillion rupiah (anything above is a typing slip).</summary>
    public const long MaxAmount = 1_000_000_000_000;

    private LevyReport()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The number people read out and write in memos ("PL-" and eight letters and digits), from the id.</summary>
    public string Number { get; private set; } = string.Empty;

    /// <summary>The hash (salted with the number) of the secret code with which a reporter who was not signed in reads the answers; null for a signed-in one.</summary>
    public string? FollowUpCodeSha256 { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Since when the report has waited for the inspectorate's answer: its arrival, or the reporter's latest addition.</summary>
    public DateTimeOffset WaitingSince { get; private set; }

    /// <summary>The signed-in applicant who reported, so they can read the answers; null when reported without signing in.</summary>
    public Guid? ReporterId { get; private set; }

    /// <summary>Whether a signed-in reporter let the inspectorate see who they are (their e-mail address).</summary>
    public bool ShareIdentity { get; private set; }

    /// <summary>A phone number or e-mail address the inspectorate may use to ask more, as the reporter gave it; optional.</summary>
    public string? Contact { get; private set; }

    /// <summary>What happened, in the reporter's words: who asked, for what, how.</summary>
    public string WhatHappened { get; private set; } = string.Empty;

    /// <summary>Where it happened (an office, a kelurahan, by WhatsApp); optional.</summary>
    public string? Place { get; private set; }

    public DateOnly? HappenedOn { get; private set; }

    /// <summary>How much was asked, in whole rupiah; optional.</summary>
    public long? AmountAsked { get; private set; }

    /// <summary>Whether the reporter paid; null when they did not say.</summary>
    public bool? Paid { get; private set; }

    /// <summary>The reporter's own application it concerns, if any.</summary>
    public Guid? ApplicationId { get; private set; }

    public LevyReportStatus Status { get; private set; }

    /// <summary>A new report, and for one made without signing in the follow-up code its reporter is shown once ("XXXXX-XXXXX").</summary>
    public static (LevyReport Report, string? FollowUpCode) Receive(Guid? reporterId, bool shareIdentity, string? contact, string whatHappened, string? place, DateOnly? happenedOn, long? amountAsked, bool? paid, Guid? applicationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(whatHappened);
        var id = Guid.CreateVersion7(now);
        var code = reporterId is null ? RandomNumberGenerator.GetString(ApplicationReference.Alphabet, FollowUpCodeLength) : null;
        var number = ApplicationReference.Of(id, NumberPrefix);
        return (new LevyReport
        {
            Id = id,
            Number = number,
            FollowUpCodeSha256 = code is null ? null : HashOf(number, code),
            ReceivedAt = now,
            WaitingSince = now,
            ReporterId = reporterId,
            ShareIdentity = reporterId is not null && shareIdentity,
            Contact = Blank(contact),
            WhatHappened = whatHappened.Trim(),
            Place = Blank(place),
            HappenedOn = happenedOn,
            AmountAsked = amountAsked,
            Paid = paid,
            ApplicationId = reporterId is null ? null : applicationId,
            Status = LevyReportStatus.Received,
        }, code is null ? null : $"{code[..(FollowUpCodeLength / 2)]}-{code[(FollowUpCodeLength / 2)..]}");
    }

    public const string NumberPrefix = "PL";

    /// <summary>How many letters and digits a follow-up code has (shown in two groups of five).</summary>
    public const int FollowUpCodeLength = 10;

    /// <summary>Whether a code as typed could be a follow-up code (its letters and digits, dashes and spaces aside).</summary>
    public static bool IsFollowUpCodeShaped(string? code) => code?.Count(char.IsAsciiLetterOrDigit) == FollowUpCodeLength;

    /// <summary>A report's number as typed or read out (any case, spaces, with or without "PL" and dashes), written the way it is stored; null when it is none.</summary>
    public static string? NumberAsWritten(string? text) =>
        ApplicationReference.IdSuffixOf(text ?? string.Empty, NumberPrefix) is null ? null : ApplicationReference.Canonical(text!, NumberPrefix);

    /// <summary>Whether <paramref name="code"/> (as typed: any case, dashes, spaces, O for 0, I or L for 1) is this report's follow-up code.</summary>
    public bool IsFollowedUpWith(string? code) =>
        FollowUpCodeSha256 is { } stored && code is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(HashOf(Number, ApplicationReference.AsTyped(code))));

    /// <summary>The code's hash, salted with the report's number, so a copy of the table cannot be matched against one list of guesses for every report.</summary>
    private static string HashOf(string number, string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(number + ":" + code)));

    /// <summary>
    /// The inspectorate answers: what it did or will do, and where the report stands now (being looked into, or
    /// finished). A finished report can be taken up again; an answer never makes it unanswered (only what its reporter
    /// adds does). The answer is a row of its own, which the caller adds to the unit of work.
    /// </summary>
    public LevyReportAnswer Answer(Guid inspectorId, LevyReportStatus status, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (status == LevyReportStatus.Received)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An answer moves a report on; it never makes it unanswered.");
        }

        Status = status;
        return LevyReportAnswer.Of(Id, inspectorId, status, message.Trim(), forReporter: true, now);
    }

    /// <summary>
    /// The inspectorate notes what it did, for itself (names, steps, whom it asked): the reporter never reads a note,
    /// and a note leaves the report where it stands.
    /// </summary>
    public LevyReportAnswer Note(Guid inspectorId, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LevyReportAnswer.Of(Id, inspectorId, Status, text.Trim(), forReporter: false, now);
    }

    /// <summary>
    /// The reporter adds what they remembered or learned since (through their account, or with the number and code),
    /// in words, or with no words when the addition is evidence only: the report waits for the inspectorate's answer
    /// again, first in its list.
    /// </summary>
    public LevyReportAnswer Add(string text, int files, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0 && files == 0)
        {
            throw new ArgumentException("An addition says something or brings evidence.", nameof(text));
        }

        Status = LevyReportStatus.Received;
        WaitingSince = now;
        return LevyReportAnswer.Of(Id, inspectorId: null, Status, text.Trim(), forReporter: true, now);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// One entry of a report's exchange: an answer of the inspectorate, which its reporter reads; a note the inspectorate
/// keeps for itself; or something the reporter added (no inspector).
/// </summary>
public sealed class LevyReportAnswer
{
    private LevyReportAnswer()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The inspector who answered or noted; null for what the reporter added.</summary>
    public Guid? InspectorId { get; private set; }

    public bool FromReporter => InspectorId is null;

    public LevyReportStatus Status { get; private set; }

    public string Message { get; private set; } = string.Empty;

    /// <summary>False for the inspectorate's own note, which the reporter never reads.</summary>
    public bool ForReporter { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static LevyReportAnswer Of(Guid reportId, Guid? inspectorId, LevyReportStatus status, string message, bool forReporter, DateTimeOffset now) => new()
    {
        ForReporter = forReporter,
        Id = Guid.CreateVersion7(now),
        ReportId = reportId,
        InspectorId = inspectorId,
        Status = status,
        Message = message,
        At = now,
    };
}

/// <summary>
/// A file a reporter sent as evidence (a photo of a receipt, a screenshot of a WhatsApp message, a letter): with the
/// report itself, or with one of their additions (<see cref="EntryId"/>). Only the inspectorate opens it. Its type is
/// decided by its first bytes (PDF, JPEG or PNG), as for every upload; its bytes are kept where uploaded documents are.
/// </summary>
public sealed class LevyReportEvidence
{
    /// <summary>How many files one sending (a report or an addition) may carry.</summary>
    public const int PerSending = 3;

    /// <summary>How many files one report may hold in all.</summary>
    public const int PerReport = 12;

    private LevyReportEvidence()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The reporter's addition the file came with; null when it came with the report.</summary>
    public Guid? EntryId { get; private set; }

    /// <summary>The file's place among those sent with it (0 for the first), so they are read in the order they were chosen.</summary>
    public int Position { get; private set; }

    /// <summary>The file's name as the reporter's phone gave it, made safe to show and download.</summary>
    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public string StorageKey { get; private set; } = string.Empty;

    public DateTimeOffset AddedAt { get; private set; }

    public static LevyReportEvidence Of(Guid id, Guid reportId, Guid? entryId, int position, string fileName, string contentType, long size, string sha256, string storageKey, DateTimeOffset now) => new()
    {
        Id = id,
        ReportId = reportId,
        EntryId = entryId,
        Position = position,
        FileName = fileName,
        ContentType = contentType,
        Size = size,
        Sha256 = sha256,
        StorageKey = storageKey,
        AddedAt = now,
    };
}

/// <summary>That an inspector opened a report, or one of its files, and when: every reading of a reporter's words is accounted for.</summary>
public sealed class LevyReportOpening
{
    private LevyReportOpening()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public Guid InspectorId { get; private set; }

    /// <summary>The reporter's file the inspector opened; null for an opening of the report itself.</summary>
    public Guid? EvidenceId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static LevyReportOpening Of(Guid reportId, Guid inspectorId, DateTimeOffset now, Guid? evidenceId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        ReportId = reportId,
        InspectorId = inspectorId,
        EvidenceId = evidenceId,
        At = now,
    };
}
