using System.Collections.Concurrent;
using System.Collections.Frozen;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Compilation;

/// <summary>
/// The seed tables of a rule set arranged, once when it is compiled, for deriving facts: the scale thresholds as
/// numbers, each KBLI's risk level and required permits per scale already resolved, zones as small integers.
/// Deriving the facts of an application is then a few look-ups with no work that depends only on the rule set.
/// </summary>
internal sealed class RuleSetTables
{
    private static readonly BusinessScale[] Scales = Enum.GetValues<BusinessScale>();
    private readonly string[] permitIds;
    private readonly ConcurrentDictionary<ulong, TextSet> permitSets = new();

    public RuleSetTables(RuleSetDefinition definition)
    {
        MikroMaxCapital = Threshold(definition, "scale.mikro.maxCapital");
        KecilMaxCapital = Threshold(definition, "scale.kecil.maxCapital");
        MenengahMaxCapital = Threshold(definition, "scale.menengah.maxCapital");
        MikroMaxAnnualSales = Threshold(definition, "scale.mikro.maxAnnualSales");
        KecilMaxAnnualSales = Threshold(definition, "scale.kecil.maxAnnualSales");
        MenengahMaxAnnualSales = Threshold(definition, "scale.menengah.maxAnnualSales");
        HasSalesThresholds = definition.Parameters.ContainsKey("scale.mikro.maxAnnualSales");

        var zones = definition.Kelurahan.Values.Select(k => k.Zone)
            .Concat(definition.Kbli.Values.SelectMany(k => k.AllowedZones))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select((zone, index) => (zone, index))
            .ToDictionary(z => z.zone, z => z.index, StringComparer.Ordinal);
        permitIds = definition.PermitTypes.Keys.Order(StringComparer.Ordinal).ToArray();
        var permitBits = permitIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => 1UL << p.index, StringComparer.Ordinal);
        Kelurahan = definition.Kelurahan.ToFrozenDictionary(k => k.Key, k => new KelurahanRow(k.Value, zones[k.Value.Zone]), StringComparer.Ordinal);
        Kbli = definition.Kbli.ToFrozenDictionary(k => k.Key, k => new KbliRow(k.Value, definition.RiskLevels, zones, permitBits, this), StringComparer.Ordinal);
    }

    /// <summary>Permit sets are kept as bit masks while facts are derived, one bit per permit type.</summary>
    public const int MaxPermitTypes = 64;

    public decimal MikroMaxCapital { get; }

    public decimal KecilMaxCapital { get; }

    public decimal MenengahMaxCapital { get; }

    public decimal MikroMaxAnnualSales { get; }

    public decimal KecilMaxAnnualSales { get; }

    public decimal MenengahMaxAnnualSales { get; }

    /// <summary>Whether the rule set scales a business that already operates by its annual sales (rule sets before 2026 did not).</summary>
    public bool HasSalesThresholds { get; }

    public FrozenDictionary<string, KelurahanRow> Kelurahan { get; }

    public FrozenDictionary<string, KbliRow> Kbli { get; }

    /// <summary>
    /// The scale of a business: PP 7/2021 Art. 35(5) by annual sales for one that already operates (where the
    /// rule set has those thresholds), Art. 35(3) by capital excluding land and buildings otherwise.
    /// </summary>
    public BusinessScale ScaleOf(ApplicationFacts input, long capital) =>
        input.ExistingBusiness && HasSalesThresholds
            ? input.AnnualSales <= MikroMaxAnnualSales ? BusinessScale.Mikro
                : input.AnnualSales <= KecilMaxAnnualSales ? BusinessScale.Kecil
                : input.AnnualSales <= MenengahMaxAnnualSales ? BusinessScale.Menengah
                : BusinessScale.Besar
            : ScaleOf(capital);

    /// <summary>PP 7/2021 Art. 35(3): scale of a new business by capital excluding land and buildings.</summary>
    public BusinessScale ScaleOf(long capital) =>
        capital <= MikroMaxCapital ? BusinessScale.Mikro
        : capital <= KecilMaxCapital ? BusinessScale.Kecil
        : capital <= MenengahMaxCapital ? BusinessScale.Menengah
        : BusinessScale.Besar;

    /// <summary>The permits whose bits are set, as a set shared by every application that needs exactly these permits.</summary>
    public TextSet Permits(ulong mask) => permitSets.GetOrAdd(mask, static (bits, ids) => TextSet.Of(ids.Where((_, index) => (bits & (1UL << index)) != 0)), permitIds);

    private static decimal Threshold(RuleSetDefinition definition, string name) =>
        definition.Parameters.TryGetValue(name, out var parameter) ? parameter.Value : decimal.MaxValue;

    internal sealed class KelurahanRow(KelurahanEntry entry, int zone)
    {
        public KelurahanEntry Entry { get; } = entry;

        public int Zone { get; } = zone;
    }

    internal sealed class KbliRow
    {
        private readonly bool[] allowedInZone;

        public KbliRow(KbliEntry entry, IReadOnlyDictionary<string, RiskLevelDefinition> riskLevels, Dictionary<string, int> zones, Dictionary<string, ulong> permitBits, RuleSetTables tables)
        {
            ulong Mask(IEnumerable<string> permits) => permits.Aggregate(0UL, (mask, permit) => mask | permitBits[permit]);

            Entry = entry;
            Self = TextSet.Of([entry.Code]);
            Sector = TextSet.Of([entry.Sector]);
            allowedInZone = new bool[zones.Count];
            foreach (var zone in entry.AllowedZones)
            {
                allowedInZone[zones[zone]] = true;
            }

            RiskByScale = Scales.Select(scale => entry.RiskByScale.TryGetValue(scale, out var id) ? riskLevels.GetValueOrDefault(id) : null).ToArray();
            SupportingPermits = Mask(entry.SupportingPermits);
            RiskPermitsByScale = RiskByScale.Select(risk => Mask(risk?.Permits ?? [])).ToArray();
            PermitsByScale = RiskPermitsByScale.Select(mask => tables.Permits(mask | SupportingPermits)).ToArray();
        }

        public KbliEntry Entry { get; }

        /// <summary>The set holding only this code: the KBLI set of an application that names only this code.</summary>
        public TextSet Self { get; }

        public TextSet Sector { get; }

        /// <summary>The risk level of this activity for each business scale (indexed by <see cref="BusinessScale"/>).</summary>
        public RiskLevelDefinition?[] RiskByScale { get; }

        /// <summary>The supporting permits (PB UMKU) this activity needs at any scale, as a permit mask.</summary>
        public ulong SupportingPermits { get; }

        /// <summary>The permits of this activity's risk level for each scale, as permit masks.</summary>
        public ulong[] RiskPermitsByScale { get; }

        /// <summary>The permits an application with only this activity needs, per scale: its risk level's and its supporting permits.</summary>
        public TextSet[] PermitsByScale { get; }

        public bool AllowedIn(KelurahanRow kelurahan) => allowedInZone[kelurahan.Zone];
    }
}
