using System.Globalization;
using System.Linq.Expressions;
using LicensingPortal.Rules.Compilation;

namespace LicensingPortal.Rules.Facts;

/// <summary>
/// One fact a rule may read: its name in rule files, its type and how to read it, as an expression tree that the
/// rule compiler inlines into each compiled requirement (and as a compiled delegate for traces).
/// </summary>
public sealed class FactDefinition
{
    private FactDefinition(string name, FactType type, bool sensitive, LambdaExpression accessor)
    {
        Name = name;
        Type = type;
        Sensitive = sensitive;
        Accessor = accessor;
    }

    public string Name { get; }

    public FactType Type { get; }

    /// <summary>Position in the catalogue; indexes the per-evaluation cache of formatted values.</summary>
    public int Ordinal { get; private set; }

    /// <summary>Personal identifiers are masked wherever a value is shown (traces, messages, logs).</summary>
    public bool Sensitive { get; }

    /// <summary>How to read the fact from a <see cref="FactContext"/>, as an expression tree.</summary>
    public LambdaExpression Accessor { get; }

    public Func<FactContext, decimal> Number { get; private init; } = static _ => 0m;

    public Func<FactContext, string> Text { get; private init; } = static _ => string.Empty;

    public Func<FactContext, DateOnly> Date { get; private init; } = static _ => default;

    public Func<FactContext, bool> Flag { get; private init; } = static _ => false;

    public Func<FactContext, IReadOnlySet<string>> Set { get; private init; } = static _ => TextSet.Empty;

    public static FactDefinition OfNumber(string name, Expression<Func<FactContext, decimal>> read) => new(name, FactType.Number, false, read) { Number = read.Compile() };

    public static FactDefinition OfText(string name, Expression<Func<FactContext, string>> read, bool sensitive = false) => new(name, FactType.Text, sensitive, read) { Text = read.Compile() };

    public static FactDefinition OfDate(string name, Expression<Func<FactContext, DateOnly>> read) => new(name, FactType.Date, false, read) { Date = read.Compile() };

    public static FactDefinition OfFlag(string name, Expression<Func<FactContext, bool>> read) => new(name, FactType.Flag, false, read) { Flag = read.Compile() };

    public static FactDefinition OfSet(string name, Expression<Func<FactContext, IReadOnlySet<string>>> read) => new(name, FactType.TextSet, false, read) { Set = read.Compile() };

    /// <summary>The accessor's body with its parameter replaced by <paramref name="context"/>, to inline into a larger tree.</summary>
    public Expression Read(ParameterExpression context) => ParameterReplacer.Inline(Accessor, context);

    /// <summary>The value as shown to people: invariant culture, sets sorted, sensitive values masked.</summary>
    public string Format(FactContext context) => Type switch
    {
        FactType.Number => FormatNumber(Number(context)),
        FactType.Text => Sensitive ? Mask(Text(context)) : Text(context),
        FactType.Date => FormatDate(Date(context)),
        FactType.Flag => Flag(context) ? "true" : "false",
        _ => Set(context) is TextSet sorted ? sorted.ToString() : "[" + string.Join(", ", Set(context).Order(StringComparer.Ordinal)) + "]",
    };

    /// <summary>A number as traces show it: invariant culture, as many decimals as it was given with (whole rupiah print as integers).</summary>
    public static string FormatNumber(decimal value) =>
        value.Scale == 0 && value >= long.MinValue && value <= long.MaxValue
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as traces show it: <c>yyyy-MM-dd</c>.</summary>
    public static string FormatDate(DateOnly date) => string.Create(10, date, static (text, value) =>
    {
        var (year, month, day) = value;
        text[0] = (char)('0' + (year / 1000));
        text[1] = (char)('0' + (year / 100 % 10));
        text[2] = (char)('0' + (year / 10 % 10));
        text[3] = (char)('0' + (year % 10));
        text[4] = '-';
        text[5] = (char)('0' + (month / 10));
        text[6] = (char)('0' + (month % 10));
        text[7] = '-';
        text[8] = (char)('0' + (day / 10));
        text[9] = (char)('0' + (day % 10));
    });

    /// <summary>Keeps the first and last four characters: enough to recognise an identifier, not to reuse it.</summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 8 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));
    }

    internal FactDefinition WithOrdinal(int ordinal)
    {
        Ordinal = ordinal;
        return this;
    }
}

/// <summary>The typed fact model rules are checked against when a rule set is loaded.</summary>
public static class FactCatalog
{
    private static readonly Dictionary<string, FactDefinition> Facts = new FactDefinition[]
    {
        FactDefinition.OfText("owner.kind", c => c.Input.OwnerKind),
        FactDefinition.OfText("owner.nik", c => c.Nik, sensitive: true),
        FactDefinition.OfText("owner.npwp", c => c.Npwp, sensitive: true),
        FactDefinition.OfText("business.legalForm", c => c.Input.LegalForm),
        FactDefinition.OfText("business.investmentType", c => c.Input.InvestmentType),
        FactDefinition.OfText("business.scale", c => c.ScaleName),
        FactDefinition.OfFlag("business.hasNib", c => c.Input.HasNib),
        FactDefinition.OfText("application.permitType", c => c.Input.PermitType),
        FactDefinition.OfSet("application.kbli", c => c.KbliCodes),
        FactDefinition.OfNumber("application.kbliCount", c => c.KbliCodes.Count),
        FactDefinition.OfDate("application.plannedStartDate", c => c.Input.PlannedStartDate),
        FactDefinition.OfDate("application.submissionDate", c => c.Input.SubmissionDate),
        FactDefinition.OfSet("kbli.unknown", c => c.UnknownKbli),
        FactDefinition.OfSet("kbli.notPermittedInZone", c => c.KbliNotPermittedInZone),
        FactDefinition.OfSet("kbli.sectors", c => c.Sectors),
        FactDefinition.OfText("location.kelurahan", c => c.Input.KelurahanCode),
        FactDefinition.OfFlag("location.kelurahanKnown", c => c.Kelurahan != null),
        FactDefinition.OfText("location.kecamatan", c => c.KecamatanCode),
        FactDefinition.OfText("location.zone", c => c.Zone),
        FactDefinition.OfFlag("location.hasCoordinates", c => c.HasCoordinates),
        FactDefinition.OfNumber("location.polygonPoints", c => c.Input.PolygonPoints),
        FactDefinition.OfNumber("location.latitude", c => c.Input.Latitude ?? 0m),
        FactDefinition.OfNumber("location.longitude", c => c.Input.Longitude ?? 0m),
        FactDefinition.OfNumber("site.landArea", c => c.Input.LandAreaM2),
        FactDefinition.OfNumber("site.buildingArea", c => c.Input.BuildingAreaM2),
        FactDefinition.OfNumber("investment.land", c => c.Input.InvestmentLand),
        FactDefinition.OfNumber("investment.buildings", c => c.Input.InvestmentBuildings),
        FactDefinition.OfNumber("investment.machinery", c => c.Input.InvestmentMachinery),
        FactDefinition.OfNumber("investment.workingCapital", c => c.Input.InvestmentWorkingCapital),
        FactDefinition.OfNumber("investment.capitalExcludingLandAndBuildings", c => c.CapitalExcludingLandAndBuildings),
        FactDefinition.OfNumber("investment.capitalPerKbli", c => c.CapitalPerKbli),
        FactDefinition.OfNumber("investment.total", c => c.TotalInvestment),
        FactDefinition.OfNumber("workforce.employees", c => c.Input.Employees),
        FactDefinition.OfSet("declarations", c => c.Input.Declarations),
        FactDefinition.OfSet("documents", c => c.Input.DocumentKinds),
        FactDefinition.OfText("environment.document", c => c.EnvironmentalDocument),
        FactDefinition.OfText("environment.requiredDocument", c => c.RequiredEnvironmentalDocument),
        FactDefinition.OfText("building.approvalNumber", c => c.BuildingApprovalNumber),
        FactDefinition.OfText("risk.level", c => c.RiskLevel),
        FactDefinition.OfSet("permits.required", c => c.RequiredPermits),
        FactDefinition.OfFlag("business.existing", c => c.Input.ExistingBusiness),
        FactDefinition.OfNumber("business.annualSales", c => c.Input.AnnualSales),
    }.Select((fact, index) => fact.WithOrdinal(index)).ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<FactDefinition> All => Facts.Values;

    public static int Count => Facts.Count;

    public static FactDefinition? Find(string name) => Facts.GetValueOrDefault(name);
}
