namespace LicensingPortal.Api.Domain;

/// <summary>One correction of a business's details by its owner: which detail, what it was, what it became, and when.</summary>
public sealed class BusinessChange
{
    private BusinessChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid BusinessId { get; private set; }

    /// <summary>One of <see cref="Fields"/>.</summary>
    public string Field { get; private set; } = string.Empty;

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static BusinessChange Record(Guid businessId, string field, string? before, string? after, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BusinessId = businessId,
        Field = field,
        Before = before,
        After = after,
        ChangedAt = now,
    };

    /// <summary>The details an owner can correct without a new application (the owner's name and NIK only before the NIB).</summary>
    public static class Fields
    {
        public const string Name = "name";
        public const string Address = "address";
        public const string Email = "email";
        public const string Phone = "phone";
        public const string Npwp = "npwp";
        public const string OwnerName = "ownerName";
        public const string OwnerNik = "ownerNik";
    }
}
