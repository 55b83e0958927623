using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>A business as its owner reads it. Identifiers are shown masked even to their owner: a response can end up in logs, proxies and screenshots.</summary>
public sealed record BusinessResponse(
    Guid Id,
    string Name,
    LegalForm LegalForm,
    InvestmentType InvestmentType,
    OwnerResponse Owner,
    string Address,
    string Email,
    string? Phone,
    string? Nib,
    DateTimeOffset RegisteredAt,
    DateOnly? ClosedOn = null)
{
    public static BusinessResponse From(Business business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return new BusinessResponse(
            business.Id,
            business.Name,
            business.LegalForm,
            business.InvestmentType,
            new OwnerResponse(business.OwnerName, MaskOrNull(business.OwnerNik), MaskOrNull(business.Npwp)),
            business.Address,
            business.Email,
            business.Phone,
            business.Nib,
            business.RegisteredAt,
            business.ClosedAt is { } closed ? Wita.DateOf(closed) : null);
    }

    private static string? MaskOrNull(string? value) => value is null ? null : FactDefinition.Mask(value);
}

public sealed record OwnerResponse(string Name, string? Nik, string? Npwp);
