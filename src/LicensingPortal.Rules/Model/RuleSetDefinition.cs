namespace LicensingPortal.Rules.Model;

public sealed record PermitTypeDefinition(string Id, LocalizedText Title, int? ValidityMonths);

public sealed record RiskLevelDefinition(string Id, int Rank, LocalizedText Title, IReadOnlyList<string> Permits, string EnvironmentalDocument);

public sealed record ParameterDefinition(string Name, decimal Value, LegalBasis LegalBasis);

public sealed record KbliEntry(
    string Code,
    LocalizedText Title,
    string Sector,
    IReadOnlyDictionary<BusinessScale, string> RiskByScale,
    IReadOnlySet<string> AllowedZones,
    IReadOnlyList<string> SupportingPermits);

public sealed record KelurahanEntry(string Code, string Name, string KecamatanCode, string KecamatanName, string Zone);

public enum BusinessScale
{
    Mikro,
    Kecil,
    Menengah,
    Besar,
}

/// <summary>A rule set as written: what it requires, with every requirement cited. Compiled by <see cref="Compilation.RuleSetCompiler"/>.</summary>
public sealed record RuleSetDefinition(
    string Id,
    LocalizedText Title,
    DateOnly EffectiveFrom,
    IReadOnlyDictionary<string, PermitTypeDefinition> PermitTypes,
    IReadOnlyDictionary<string, RiskLevelDefinition> RiskLevels,
    IReadOnlyDictionary<string, ParameterDefinition> Parameters,
    IReadOnlyDictionary<string, KbliEntry> Kbli,
    IReadOnlyDictionary<string, KelurahanEntry> Kelurahan);
