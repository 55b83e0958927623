namespace LicensingPortal.Api.Domain;

/// <summary>A business registered by its owner. Its NIB is issued on its first approval and never changes.</summary>
public sealed class Business
{
    private Business()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The applicant account that registered the business; only it sees the business and its records.</summary>
    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public LegalForm LegalForm { get; private set; }

    public InvestmentType InvestmentType { get; private set; }

    /// <summary>The owner's NIK: only for a sole proprietorship (perorangan).</summary>
    public string? OwnerNik { get; private set; }

    /// <summary>The NPWP: required for entities, optional for individuals.</summary>
    public string? Npwp { get; private set; }

    public string OwnerName { get; private set; } = string.Empty;

    public string Address { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string? Phone { get; private set; }

    public string? Nib { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public bool IsIndividual => LegalForm == LegalForm.Perorangan;

    public static Business Register(
        Guid ownerId,
        string name,
        LegalForm legalForm,
        InvestmentType investmentType,
        string ownerName,
        string? ownerNik,
        string? npwp,
        string address,
        string email,
        string? phone,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = ownerId,
            Name = name.Trim(),
            LegalForm = legalForm,
            InvestmentType = investmentType,
            OwnerName = ownerName.Trim(),
            OwnerNik = ownerNik,
            Npwp = npwp,
            Address = address.Trim(),
            Email = email.Trim(),
            Phone = phone,
            RegisteredAt = now,
        };

    public void AssignNib(string nib)
    {
        if (Nib is not null)
        {
            throw new InvalidOperationException("A business keeps the NIB it was first given.");
        }

        Nib = nib;
    }
}

public enum LegalForm
{
    Perorangan,
    Cv,
    Pt,
    Koperasi,
    Firma,
    Yayasan,
    Persekutuan,
}

public enum InvestmentType
{
    Pmdn,
    Pma,
}
