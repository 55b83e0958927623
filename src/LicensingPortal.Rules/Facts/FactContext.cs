using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Facts;

/// <summary>
/// The facts of one application together with the facts the rule set derives from them
/// (scale, risk, zoning, required permits). Derived facts are computed once, before any requirement runs.
/// </summary>
public sealed class FactContext
{
    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();
    private readonly RuleSetDefinition definition;
    private readonly FactReading?[] readings = new FactReading?[FactCatalog.Count];
    private HashSet<string>? sectors;

    public FactContext(ApplicationFacts input, RuleSetDefinition ruleSet)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ruleSet);
        Input = input;
        CapitalExcludingLandAndBuildings = input.InvestmentMachinery + input.InvestmentWorkingCapital;
        TotalInvestment = CapitalExcludingLandAndBuildings + input.InvestmentLand + input.InvestmentBuildings;
        KbliCodes = new HashSet<string>(input.KbliCodes, StringComparer.Ordinal);
        CapitalPerKbli = KbliCodes.Count == 0 ? CapitalExcludingLandAndBuildings : CapitalExcludingLandAndBuildings / KbliCodes.Count;
        Scale = ScaleOf(CapitalExcludingLandAndBuildings, ruleSet.Parameters);

        ruleSet.Kelurahan.TryGetValue(input.KelurahanCode, out var kelurahan);
        Kelurahan = kelurahan;

        // Sets stay the shared empty set unless something goes in: most applications have no unknown or misplaced KBLI.
        HashSet<string>? unknown = null;
        HashSet<string>? notPermitted = null;
        var required = new HashSet<string>(StringComparer.Ordinal);
        RiskLevelDefinition? risk = null;
        foreach (var code in input.KbliCodes)
        {
            if (!ruleSet.Kbli.TryGetValue(code, out var entry))
            {
                (unknown ??= new HashSet<string>(StringComparer.Ordinal)).Add(code);
                continue;
            }

            if (kelurahan is not null && !entry.AllowedZones.Contains(kelurahan.Zone))
            {
                (notPermitted ??= new HashSet<string>(StringComparer.Ordinal)).Add(code);
            }

            foreach (var permit in entry.SupportingPermits)
            {
                required.Add(permit);
            }
            if (ruleSet.RiskLevels.TryGetValue(entry.RiskByScale[Scale], out var level) && (risk is null || level.Rank > risk.Rank))
            {
                risk = level;
            }
        }

        if (risk is not null)
        {
            foreach (var permit in risk.Permits)
            {
                required.Add(permit);
            }
        }

        Risk = risk;
        ScaleName = Scale switch
        {
            BusinessScale.Mikro => "mikro",
            BusinessScale.Kecil => "kecil",
            BusinessScale.Menengah => "menengah",
            _ => "besar",
        };
        KecamatanCode = kelurahan?.KecamatanCode ?? string.Empty;
        Zone = kelurahan?.Zone ?? string.Empty;
        RiskLevel = risk?.Id ?? string.Empty;
        RequiredEnvironmentalDocument = risk?.EnvironmentalDocument ?? string.Empty;
        HasCoordinates = input.Latitude is not null && input.Longitude is not null;
        Nik = input.Nik ?? string.Empty;
        Npwp = input.Npwp ?? string.Empty;
        EnvironmentalDocument = input.EnvironmentalDocument ?? string.Empty;
        BuildingApprovalNumber = input.BuildingApprovalNumber ?? string.Empty;
        UnknownKbli = unknown ?? Empty;
        KbliNotPermittedInZone = notPermitted ?? Empty;
        definition = ruleSet;
        RequiredPermits = required;
    }

    public ApplicationFacts Input { get; }

    public long CapitalExcludingLandAndBuildings { get; }

    public long TotalInvestment { get; }

    public long CapitalPerKbli { get; }

    public BusinessScale Scale { get; }

    public KelurahanEntry? Kelurahan { get; }

    public string ScaleName { get; }

    public string KecamatanCode { get; }

    public string Zone { get; }

    public string RiskLevel { get; }

    public string RequiredEnvironmentalDocument { get; }

    public bool HasCoordinates { get; }

    public string Nik { get; }

    public string Npwp { get; }

    public string EnvironmentalDocument { get; }

    public string BuildingApprovalNumber { get; }

    public RiskLevelDefinition? Risk { get; }

    public IReadOnlySet<string> KbliCodes { get; }

    public IReadOnlySet<string> UnknownKbli { get; }

    public IReadOnlySet<string> KbliNotPermittedInZone { get; }

    /// <summary>The sectors of the known KBLI; computed on first use, since few requirements read it.</summary>
    public IReadOnlySet<string> Sectors => sectors ??= KbliCodes
        .Select(code => definition.Kbli.TryGetValue(code, out var entry) ? entry.Sector : null)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The fact as the trace shows it, formatted once per evaluation however many requirements read it.</summary>
    public FactReading Reading(FactDefinition fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return readings[fact.Ordinal] ??= new FactReading(fact.Name, fact.Format(this));
    }

    public IReadOnlySet<string> RequiredPermits { get; }

    internal static IReadOnlySet<string> EmptySet => Empty;

    /// <summary>PP 7/2021 Art. 35(3): scale of a new business by capital excluding land and buildings.</summary>
    private static BusinessScale ScaleOf(long capital, IReadOnlyDictionary<string, ParameterDefinition> parameters)
    {
        if (capital <= Threshold(parameters, "scale.mikro.maxCapital"))
        {
            return BusinessScale.Mikro;
        }

        if (capital <= Threshold(parameters, "scale.kecil.maxCapital"))
        {
            return BusinessScale.Kecil;
        }

        return capital <= Threshold(parameters, "scale.menengah.maxCapital") ? BusinessScale.Menengah : BusinessScale.Besar;
    }

    private static decimal Threshold(IReadOnlyDictionary<string, ParameterDefinition> parameters, string name) =>
        parameters.TryGetValue(name, out var parameter) ? parameter.Value : decimal.MaxValue;
}
