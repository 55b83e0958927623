namespace LicensingPortal.Api.Domain;

/// <summary>How a staff account's sign-in ended.</summary>
public enum SignInOutcome
{
    Succeeded,
    WrongPassword,
    CodeNeeded,
    WrongCode,
    LockedOut,
    Deactivated,
}

/// <summary>One sign-in of a staff account, successful or not, with the address it came from; administrators read them.</summary>
public sealed class SignInAttempt
{
    private SignInAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public SignInOutcome Outcome { get; private set; }

    public static SignInAttempt Of(Guid accountId, DateTimeOffset now, string? address, SignInOutcome outcome) => new()
    {
        Id = Guid.CreateVersion7(now),
        AccountId = accountId,
        At = now,
        Address = string.IsNullOrEmpty(address) ? "-" : address.Length > 45 ? address[..45] : address,
        Outcome = outcome,
    };
}
