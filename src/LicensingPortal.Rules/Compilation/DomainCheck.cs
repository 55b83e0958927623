using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Compilation;

/// <summary>Literal values in a rule that name a KBLI code, a kelurahan, a zone or a permit type must exist in the seed tables.</summary>
internal sealed class DomainCheck(
    IReadOnlyDictionary<string, KbliEntry> kbli,
    IReadOnlyDictionary<string, KelurahanEntry> kelurahan,
    IReadOnlyDictionary<string, PermitTypeDefinition> permitTypes,
    IReadOnlyDictionary<string, RiskLevelDefinition> riskLevels)
{
    public string? Problem(string fact, string value) => fact switch
    {
        "application.kbli" or "kbli.unknown" or "kbli.notPermittedInZone" when !kbli.ContainsKey(value) => $"unknown KBLI '{value}'",
        "location.kelurahan" when !kelurahan.ContainsKey(value) => $"unknown kelurahan '{value}'",
        "location.kecamatan" when kelurahan.Values.All(k => k.KecamatanCode != value) => $"unknown kecamatan '{value}'",
        "location.zone" when kelurahan.Values.All(k => k.Zone != value) && kbli.Values.All(k => !k.AllowedZones.Contains(value)) => $"unknown zone '{value}'",
        "permits.required" when !permitTypes.ContainsKey(value) => $"unknown permit type '{value}'",
        "risk.level" when !riskLevels.ContainsKey(value) => $"unknown risk level '{value}'",
        "business.scale" when !Enum.TryParse<BusinessScale>(value, ignoreCase: true, out _) => $"unknown business scale '{value}'",
        _ => null,
    };
}
