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

    /// <summary>When its owner closed the business (penutupan); its NIB and permits ended then.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

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

    /// <summary>
    /// Corrects the details the rules do not read (name, address, e-mail, phone, NPWP) and returns one record per
    /// detail that changed. Location and activities are part of an application, not of the business: changing them
    /// needs a new application. An entity keeps an NPWP; a sole proprietor may leave it out (the NIK serves as the tax
    /// number since 2024). NPWP values are kept masked in the history.
    /// </summary>
    public IReadOnlyList<BusinessChange> ChangeDetails(string name, string address, string email, string? phone, string? npwp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(email);
        if (!IsIndividual && string.IsNullOrWhiteSpace(npwp))
        {
            throw new InvalidOperationException("A business entity keeps its NPWP.");
        }

        var changes = new List<BusinessChange>();
        void Change(string field, string? before, string? after, bool masked = false)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(BusinessChange.Record(Id, field, masked ? MaskOf(before) : before, masked ? MaskOf(after) : after, now));
            }
        }

        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        npwp = string.IsNullOrWhiteSpace(npwp) ? null : npwp.Trim();
        Change(BusinessChange.Fields.Name, Name, name.Trim());
        Change(BusinessChange.Fields.Address, Address, address.Trim());
        Change(BusinessChange.Fields.Email, Email, email.Trim());
        Change(BusinessChange.Fields.Phone, Phone, phone);
        Change(BusinessChange.Fields.Npwp, Npwp, npwp, masked: true);
        Name = name.Trim();
        Address = address.Trim();
        Email = email.Trim();
        Phone = phone;
        Npwp = npwp;
        return changes;
    }

    /// <summary>Whether the owner's name and NIK may still be corrected: until the business has its NIB, which is issued to them.</summary>
    public bool OwnerCorrectable => Nib is null && !IsClosed;

    /// <summary>
    /// Corrects the owner's name and (a sole proprietor's) NIK, a typing mistake found before any approval; returns one
    /// record per detail that changed, the NIK masked. Once the NIB is issued to them they are fixed: the NIB belongs
    /// to that person.
    /// </summary>
    public IReadOnlyList<BusinessChange> CorrectOwner(string ownerName, string? ownerNik, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ownerName);
        ownerName = ownerName.Trim();
        ownerNik = string.IsNullOrWhiteSpace(ownerNik) ? OwnerNik : IdentityNumbers.Digits(ownerNik);
        var changes = new List<BusinessChange>();
        if (!string.Equals(OwnerName, ownerName, StringComparison.Ordinal))
        {
            changes.Add(BusinessChange.Record(Id, BusinessChange.Fields.OwnerName, OwnerName, ownerName, now));
        }

        if (!string.Equals(OwnerNik, ownerNik, StringComparison.Ordinal))
        {
            if (!IsIndividual)
            {
                throw new InvalidOperationException("Only a sole proprietor has an owner's NIK.");
            }

            changes.Add(BusinessChange.Record(Id, BusinessChange.Fields.OwnerNik, MaskOf(OwnerNik), MaskOf(ownerNik), now));
        }

        if (changes.Count > 0 && !OwnerCorrectable)
        {
            throw new InvalidOperationException("The owner's name and NIK are fixed once the NIB is issued.");
        }

        OwnerName = ownerName;
        OwnerNik = ownerNik;
        return changes;
    }

    /// <summary>
    /// Closes the business on its owner's word: the NIB and every permit still in force end at once (as closed,
    /// not revoked), and the business takes no more applications. Returns the permits it ended. Closed once.
    /// </summary>
    public IReadOnlyList<Permit> Close(IEnumerable<Permit> permits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(permits);
        if (IsClosed)
        {
            throw new InvalidOperationException("A business is closed once.");
        }

        ClosedAt = now;
        var today = Wita.DateOf(now);
        var ended = permits.Where(p => p.BusinessId == Id && p.StatusOn(today) == PermitStatus.Active).ToList();
        foreach (var permit in ended)
        {
            permit.Close(now);
        }

        return ended;
    }

    private static string? MaskOf(string? value) => value is null ? null : Rules.Facts.FactDefinition.Mask(value);

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
