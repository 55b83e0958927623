using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// An administrator's invitation of a person to a staff account: the account exists from the invitation on (without a
/// password, so it cannot sign in); the link in the e-mail carries a secret whose SHA-256 alone is stored. The link
/// works once, within <see cref="Lifetime"/>; a newer invitation to the same account replaces it.
/// </summary>
public sealed class StaffInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    private StaffInvitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid InvitedBy { get; private set; }

    public string TokenSha256 { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>When a newer invitation to the same account made this one void.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>A new invitation and the secret its link carries (shown once, in the e-mail).</summary>
    public static (StaffInvitation Invitation, string Token) Issue(Guid accountId, Guid invitedBy, DateTimeOffset now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (new StaffInvitation
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            InvitedBy = invitedBy,
            TokenSha256 = HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, token);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && WithdrawnAt is null && now < ExpiresAt;

    public void Accept(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new InvalidOperationException($"Invitation {Id} is no longer open.");
        }

        AcceptedAt = now;
    }

    public void Withdraw(DateTimeOffset now) => WithdrawnAt ??= now;
}
