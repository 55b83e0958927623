using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Facts;

/// <summary>
/// The facts of one application together with the facts the rule set derives from them (scale, risk, zoning,
/// required permits): an immutable snapshot, derived once before any requirement runs. It is what every
/// requirement reads and what an evaluation keeps as its trace: the values a requirement read are read back from
/// here when the trace is shown, never recomputed from anything else.
/// </summary>
public sealed class FactContext
{
    private static readonly string[] ScaleNames = ["mikro", "kecil", "menengah", "besar"];
    private readonly RuleSetTables tables;
    private TextSet? sectors;

    public FactContext(ApplicationFacts input, CompiledRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ruleSet);
        tables = ruleSet.Tables;
        input = Completed(input);
        Input = input;
        CapitalExcludingLandAndBuildings = input.InvestmentMachinery + input.InvestmentWorkingCapital;
        TotalInvestment = CapitalExcludingLandAndBuildings + input.InvestmentLand + input.InvestmentBuildings;
        Scale = tables.ScaleOf(input, CapitalExcludingLandAndBuildings);
        var kelurahan = tables.Kelurahan.GetValueOrDefault(input.KelurahanCode);
        Kelurahan = kelurahan?.Entry;

        var codes = input.KbliCodes;
        if (codes.Count == 1 && tables.Kbli.TryGetValue(codes[0], out var only))
        {
            // Most applications name one known activity: everything about it was resolved when the rule set was compiled.
            KbliCodes = only.Self;
            UnknownKbli = TextSet.Empty;
            KbliNotPermittedInZone = kelurahan is not null && !only.AllowedIn(kelurahan) ? only.Self : TextSet.Empty;
            Risk = only.RiskByScale[(int)Scale];
            RequiredPermits = only.PermitsByScale[(int)Scale];
            sectors = only.Sector;
        }
        else
        {
            KbliCodes = TextSet.Of(codes);
            string[]? unknown = null;
            string[]? notPermitted = null;
            int unknownCount = 0, notPermittedCount = 0;
            var permits = 0UL;
            RiskLevelDefinition? risk = null;
            var riskPermits = 0UL;
            for (var i = 0; i < KbliCodes.Count; i++)
            {
                var code = KbliCodes[i];
                if (!tables.Kbli.TryGetValue(code, out var row))
                {
                    (unknown ??= new string[KbliCodes.Count])[unknownCount++] = code;
                    continue;
                }

                if (kelurahan is not null && !row.AllowedIn(kelurahan))
                {
                    (notPermitted ??= new string[KbliCodes.Count])[notPermittedCount++] = code;
                }

                permits |= row.SupportingPermits;
                if (row.RiskByScale[(int)Scale] is { } level && (risk is null || level.Rank > risk.Rank))
                {
                    risk = level;
                    riskPermits = row.RiskPermitsByScale[(int)Scale];
                }
            }

            // Subsets of the sorted codes are sorted too.
            UnknownKbli = TextSet.FromSorted(unknown, unknownCount);
            KbliNotPermittedInZone = TextSet.FromSorted(notPermitted, notPermittedCount);
            Risk = risk;
            RequiredPermits = tables.Permits(permits | riskPermits);
        }

        CapitalPerKbli = KbliCodes.Count == 0 ? CapitalExcludingLandAndBuildings : CapitalExcludingLandAndBuildings / KbliCodes.Count;
        ScaleName = ScaleNames[(int)Scale];
        KecamatanCode = Kelurahan?.KecamatanCode ?? string.Empty;
        Zone = Kelurahan?.Zone ?? string.Empty;
        RiskLevel = Risk?.Id ?? string.Empty;
        RequiredEnvironmentalDocument = Risk?.EnvironmentalDocument ?? string.Empty;
        HasCoordinates = input.Latitude is not null && input.Longitude is not null;
        Nik = input.Nik ?? string.Empty;
        Npwp = input.Npwp ?? string.Empty;
        EnvironmentalDocument = input.EnvironmentalDocument ?? string.Empty;
        BuildingApprovalNumber = input.BuildingApprovalNumber ?? string.Empty;
    }

    public ApplicationFacts Input { get; }

    /// <summary>
    /// The facts with every missing text as empty, every missing list as empty and no missing item in a list, so that
    /// no input makes the engine throw: what is missing fails the requirement that asks for it, like anything else
    /// that is wrong. Facts that came through validation are returned as they are.
    /// </summary>
    private static ApplicationFacts Completed(ApplicationFacts input)
    {
        var kbli = input.KbliCodes;
        var declarations = input.Declarations;
        var documents = input.DocumentKinds;
        if (input.OwnerKind is not null && input.LegalForm is not null && input.InvestmentType is not null && input.PermitType is not null
            && input.KelurahanCode is not null && kbli is not null && !kbli.Contains(null!) && declarations is not null && !ContainsNull(declarations)
            && documents is not null && !ContainsNull(documents))
        {
            return input;
        }

        return input with
        {
            OwnerKind = input.OwnerKind ?? string.Empty,
            LegalForm = input.LegalForm ?? string.Empty,
            InvestmentType = input.InvestmentType ?? string.Empty,
            PermitType = input.PermitType ?? string.Empty,
            KelurahanCode = input.KelurahanCode ?? string.Empty,
            KbliCodes = kbli?.Where(code => code is not null).ToArray() ?? [],
            Declarations = declarations?.Where(item => item is not null).ToHashSet(StringComparer.Ordinal) ?? [],
            DocumentKinds = documents?.Where(item => item is not null).ToHashSet(StringComparer.Ordinal) ?? [],
        };
    }

    private static bool ContainsNull(IReadOnlySet<string> set)
    {
        foreach (var item in set)
        {
            if (item is null)
            {
                return true;
            }
        }

        return false;
    }

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

    public TextSet KbliCodes { get; }

    public TextSet UnknownKbli { get; }

    public TextSet KbliNotPermittedInZone { get; }

    /// <summary>The sectors of the known KBLI; computed on first use when there are several, since few requirements read it.</summary>
    public TextSet Sectors => sectors ??= TextSet.Of(KbliCodes
        .Select(code => tables.Kbli.TryGetValue(code, out var row) ? row.Entry.Sector : null)
        .OfType<string>());

    /// <summary>The permits the application needs: those of its highest risk level and its activities' supporting permits.</summary>
    public TextSet RequiredPermits { get; }
}
