namespace LicensingPortal.Api.Domain;

/// <summary>What an owner who asks for their account back can no longer use.</summary>
public enum AccountRecoveryLoss
{
    /// <summary>The account's e-mail box (and so the way to a new password).</summary>
    Email,

    /// <summary>The phone of two-step sign-in, and its recovery codes.</summary>
    Phone,

    Both,
}

public enum AccountRecoveryStatus
{
    /// <summary>Sent, its new address not yet proved: the link e-mailed there was not opened. No administrator sees it.</summary>
    Unconfirmed,

    Waiting,
    Granted,
    Refused,
}

/// <summary>
/// An owner who can no longer open the account's e-mail, or lost the phone of two-step sign-in with its recovery codes,
/// asks an administrator for the account back without going to the office (ADR 0035): the account's address as they
/// remember it, a new address they can open, the owner's name and NIK as on the identity card, and a photo of
/// themselves holding that card. Granting makes the new address the account's and, when the phone was lost, lifts
/// two-step sign-in; refusing says why. Either way the answer goes to the new address, and the account's old address
/// is told of both the request and its outcome.
/// </summary>
public sealed class AccountRecovery
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 100;
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 1000;

    /// <summary>Working days within which the office answers; said to the owner and on the administrators' list.</summary>
    public const int AnswerWithinWorkingDays = 3;

    private AccountRecovery()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The account's address as the owner wrote it.</summary>
    public string AccountEmail { get; private set; } = string.Empty;

    /// <summary>The applicant account with that address when asked; null when none has it (the answer says so then).</summary>
    public Guid? AccountId { get; private set; }

    /// <summary>The address the owner can open: the answer goes there, and on a grant it becomes the account's.</summary>
    public string NewEmail { get; private set; } = string.Empty;

    public string OwnerName { get; private set; } = string.Empty;

    /// <summary>The NIK as written (digits only): compared with the account's businesses' owners, shown masked.</summary>
    public string Nik { get; private set; } = string.Empty;

    public AccountRecoveryLoss Lost { get; private set; }

    /// <summary>A telephone or WhatsApp number the owner gave, if any.</summary>
    public string? Contact { get; private set; }

    /// <summary>The language of the page it was asked on: the answer's language when no account was found.</summary>
    public string Language { get; private set; } = Languages.Indonesian;

    /// <summary>The photo of the owner holding the identity card, kept without its place and time (as evidence is).</summary>
    public string PhotoKey { get; private set; } = string.Empty;

    public string PhotoType { get; private set; } = string.Empty;

    public long PhotoSize { get; private set; }

    public string PhotoSha256 { get; private set; } = string.Empty;

    /// <summary>
    /// How long the photo is kept after the decision: time enough for an owner who says the account was taken through a
    /// request to be answered with what the administrator saw; then only its fingerprint, size and type stay. A face
    /// beside an identity card is the most sensitive thing the service holds (UU 27/2022 on personal data: kept no
    /// longer than its purpose needs). The office's records policy may set another period.
    /// </summary>
    public static readonly TimeSpan PhotoKeptAfterDecision = TimeSpan.FromDays(90);

    /// <summary>When the photo was deleted, <see cref="PhotoKeptAfterDecision"/> after the decision.</summary>
    public DateTimeOffset? PhotoDeletedAt { get; private set; }

    /// <summary>Whether the photo is due to be deleted at <paramref name="now"/>: decided long enough ago, and still kept.</summary>
    public bool PhotoDueForDeletionAt(DateTimeOffset now) => DecidedAt is { } decided && now - decided >= PhotoKeptAfterDecision && PhotoDeletedAt is null;

    /// <summary>The photo was deleted from the storage (its fingerprint, size and type stay).</summary>
    public void PhotoDeleted(DateTimeOffset now)
    {
        if (!PhotoDueForDeletionAt(now))
        {
            throw new InvalidOperationException("A request's photo is deleted once, after the time it is kept past the decision.");
        }

        PhotoDeletedAt = now;
    }

    public AccountRecoveryStatus Status { get; private set; }

    /// <summary>The SHA-256 of the secret in the link e-mailed to the new address (the secret itself is never kept).</summary>
    public string ConfirmTokenSha256 { get; private set; } = string.Empty;

    /// <summary>When the link was opened: the new address opens, and the administrators' three working days begin.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>How long the link to prove the new address works.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromDays(1);

    /// <summary>Whether the link of a request asked at <see cref="AskedAt"/> still works at <paramref name="now"/>.</summary>
    public bool MayBeConfirmedAt(DateTimeOffset now) => Status == AccountRecoveryStatus.Unconfirmed && now - AskedAt <= ConfirmWithin;

    /// <summary>The link was opened: the request goes to the administrators. Opened again, nothing changes.</summary>
    public void Confirm(DateTimeOffset now)
    {
        if (Status == AccountRecoveryStatus.Unconfirmed)
        {
            Status = AccountRecoveryStatus.Waiting;
            ConfirmedAt = now;
        }
    }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The administrator who decided.</summary>
    public Guid? DecidedBy { get; private set; }

    /// <summary>Why it was refused, in words the owner reads.</summary>
    public string? RefusalReason { get; private set; }

    public bool IsWaiting => Status == AccountRecoveryStatus.Waiting;

    /// <summary>Whether granting lifts two-step sign-in.</summary>
    public bool PhoneLost => Lost is AccountRecoveryLoss.Phone or AccountRecoveryLoss.Both;

    /// <summary>A new request, and the secret of the link that proves its new address (shown once, in the e-mail).</summary>
    public static (AccountRecovery Recovery, string Token) Ask(Guid id, string accountEmail, Guid? accountId, string newEmail, string ownerName, string nik, AccountRecoveryLoss lost, string? contact, string language, DateTimeOffset now)
    {
        var token = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return (Of(id, accountEmail, accountId, newEmail, ownerName, nik, lost, contact, language, StaffInvitation.HashOf(token), now), token);
    }

    private static AccountRecovery Of(Guid id, string accountEmail, Guid? accountId, string newEmail, string ownerName, string nik, AccountRecoveryLoss lost, string? contact, string language, string confirmTokenSha256, DateTimeOffset now) => new()
    {
        ConfirmTokenSha256 = confirmTokenSha256,
        Id = id,
        AskedAt = now,
        AccountEmail = accountEmail.Trim(),
        AccountId = accountId,
        NewEmail = newEmail.Trim(),
        OwnerName = ownerName.Trim(),
        Nik = IdentityNumbers.Digits(nik) ?? string.Empty,
        Lost = lost,
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim(),
        Language = language == Languages.English ? Languages.English : Languages.Indonesian,
        Status = AccountRecoveryStatus.Unconfirmed,
    };

    public void KeepPhoto(string key, string contentType, long size, string sha256)
    {
        PhotoKey = key;
        PhotoType = contentType;
        PhotoSize = size;
        PhotoSha256 = sha256;
    }

    public void Grant(Guid adminId, DateTimeOffset now) => Decide(AccountRecoveryStatus.Granted, adminId, null, now);

    public void Refuse(Guid adminId, string reason, DateTimeOffset now) => Decide(AccountRecoveryStatus.Refused, adminId, reason.Trim(), now);

    /// <summary>The NIK as shown to the administrator: its first six digits (where it was issued) and last four.</summary>
    public string MaskedNik => Nik.Length == 16 ? $"{Nik[..6]}••••••{Nik[12..]}" : "••••";

    private void Decide(AccountRecoveryStatus status, Guid adminId, string? reason, DateTimeOffset now)
    {
        if (Status is AccountRecoveryStatus.Granted or AccountRecoveryStatus.Refused)
        {
            throw new InvalidOperationException("The request was answered already.");
        }

        Status = status;
        DecidedBy = adminId;
        DecidedAt = now;
        RefusalReason = reason;
    }
}
