using System.Globalization;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Cli;

/// <summary>
/// Makes up realistic, varied demo businesses and applications for Kota Kupang from the rule set's own tables:
/// activities allowed in the chosen kelurahan's zone, investments spread over the four business scales, the
/// environmental document and declarations the risk level calls for — and, for about a quarter of the
/// applications, the mistakes applicants really make. It never decides anything: the engine does.
/// Deterministic for a given seed.
/// </summary>
public sealed class DemoWorkload(RuleSetDefinition rules, int seed)
{
    private static readonly string[] GivenNames = ["Maria", "Yohanes", "Agustina", "Petrus", "Yuliana", "Fransiskus", "Elisabeth", "Markus", "Ferdinand", "Imelda", "Daniel", "Sarlota", "Yosef", "Herlina", "Stefanus", "Adriana", "Melkianus", "Welhelmina", "Ahmad", "Siti"];
    private static readonly string[] FamilyNames = ["Ndolu", "Lay", "Fanggidae", "Tallo", "Nalle", "Manafe", "Pello", "Bessie", "Radja", "Kana", "Mooy", "Adoe", "Riwu", "Haning", "Foenay", "Benu", "Sabu", "Toelle", "Nenobais", "Kolo"];
    private static readonly string[] Streets = ["Jl. El Tari", "Jl. Frans Seda", "Jl. W. J. Lalamentik", "Jl. Timor Raya", "Jl. Soeharto", "Jl. Moh. Hatta", "Jl. Sudirman", "Jl. Cak Doko", "Jl. Adisucipto", "Jl. Herewila", "Jl. Perintis Kemerdekaan", "Jl. Bundaran PU"];
    private static readonly string[] Declarations = ["kebenaran-data", "pemenuhan-standar", "komitmen-verifikasi-standar", "komitmen-izin", "higiene-sanitasi"];
    private static readonly BusinessScale[] Scales = [BusinessScale.Mikro, BusinessScale.Kecil, BusinessScale.Menengah, BusinessScale.Besar];

    private readonly Random random = new(seed);
    private readonly KelurahanEntry[] kelurahan = rules.Kelurahan.Values.OrderBy(k => k.Code, StringComparer.Ordinal).ToArray();
    private readonly KbliEntry[] kbli = rules.Kbli.Values.OrderBy(k => k.Code, StringComparer.Ordinal).ToArray();

    /// <summary>A business an applicant registers: mostly sole proprietors, some CV/PT, a few foreign-owned PT.</summary>
    public RegisterBusiness.Request Business(int number)
    {
        var owner = $"{Pick(GivenNames)} {Pick(FamilyNames)}";
        var roll = random.NextDouble();
        var (form, investment) = roll switch
        {
            < 0.70 => (LegalForm.Perorangan, InvestmentType.Pmdn),
            < 0.82 => (LegalForm.Cv, InvestmentType.Pmdn),
            < 0.90 => (LegalForm.Koperasi, InvestmentType.Pmdn),
            < 0.97 => (LegalForm.Pt, InvestmentType.Pmdn),
            _ => (LegalForm.Pt, InvestmentType.Pma),
        };
        var nik = form == LegalForm.Perorangan ? Nik() : null;
        var npwp = form == LegalForm.Perorangan ? (random.NextDouble() < 0.3 ? nik : null) : Digits(15);
        var name = form switch
        {
            LegalForm.Perorangan => $"Usaha {owner.Split(' ')[0]} {number}",
            LegalForm.Koperasi => $"Koperasi {Pick(FamilyNames)} Sejahtera {number}",
            _ => $"{form.ToString().ToUpperInvariant()} {Pick(FamilyNames)} {Pick(["Jaya", "Mandiri", "Nusantara", "Flobamora", "Timor"])} {number}",
        };
        return new RegisterBusiness.Request(
            name,
            form,
            investment,
            new RegisterBusiness.OwnerRequest(owner, nik, npwp),
            Address(Pick(kelurahan)),
            string.Create(CultureInfo.InvariantCulture, $"usaha{number}@demo.kupang.invalid"),
            string.Create(CultureInfo.InvariantCulture, $"+62 81{random.Next(1, 10)} {random.Next(1000, 10000)} {random.Next(1000, 10000)}"));
    }

    /// <summary>The document kinds a business keeps ready to attach.</summary>
    public static IReadOnlyList<string> DocumentKindsFor(RegisterBusiness.Request business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return business.LegalForm == LegalForm.Perorangan
            ? ["ktp", "sppl", "ukl-upl", "amdal", "pbg"]
            : ["akta-pendirian", "npwp", "sppl", "ukl-upl", "amdal", "pbg"];
    }

    /// <summary>
    /// One application by a business on a WITA date; with <paramref name="clean"/> false about a quarter carry a
    /// mistake. <paramref name="documents"/> maps each kind the business has uploaded to the document's id.
    /// </summary>
    public ApplicationRequest Application(Guid businessId, RegisterBusiness.Request business, bool hasNib, IReadOnlyDictionary<string, Guid> documents, DateOnly submissionDate, bool clean = false)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(documents);
        var place = Pick(kelurahan);
        var pma = business.InvestmentType == InvestmentType.Pma;
        var scale = pma ? BusinessScale.Besar : PickScale(place.Zone == "perumahan");
        var allowed = kbli.Where(k => k.AllowedZones.Contains(place.Zone) && (scale <= BusinessScale.Kecil || !k.SupportingPermits.Contains("PB-UMKU-SPPIRT"))).ToArray();
        if (allowed.Length == 0)
        {
            allowed = kbli;
        }

        var codes = new List<string> { Pick(allowed).Code };
        if (random.NextDouble() < 0.15)
        {
            var second = Pick(allowed).Code;
            if (second != codes[0])
            {
                codes.Add(second);
            }
        }

        var capital = CapitalFor(scale) * (pma ? codes.Count : 1);
        var machinery = (long)(capital * (0.2 + (random.NextDouble() * 0.5)));
        var workingCapital = capital - machinery;
        var land = RoundTo(random.NextInt64(0, 2) == 0 ? 0 : capital / 3, 1_000_000);
        var buildings = RoundTo(capital / 4, 1_000_000);
        var risk = codes.Select(c => rules.RiskLevels[rules.Kbli[c].RiskByScale[scale]]).MaxBy(r => r.Rank)!;
        var landArea = Math.Round((decimal)(30 + (random.NextDouble() * (scale >= BusinessScale.Menengah ? 5000 : 600))), 1);
        var buildingArea = random.NextDouble() < 0.2 ? 0m : Math.Round(landArea * (decimal)(0.3 + (random.NextDouble() * 0.6)), 1);
        var (latitude, longitude) = Coordinates();
        var polygon = scale >= BusinessScale.Menengah ? Square(latitude, longitude) : null;
        var planned = submissionDate.AddDays(random.Next(0, 90));
        var declarations = Declarations.ToList();
        var environmental = risk.EnvironmentalDocument;
        var pbg = buildingArea > 0 ? string.Create(CultureInfo.InvariantCulture, $"PBG-{place.KecamatanCode}-{submissionDate.Year}-{random.Next(1, 100_000):D5}") : null;
        var employees = scale switch { BusinessScale.Mikro => random.Next(1, 5), BusinessScale.Kecil => random.Next(5, 20), BusinessScale.Menengah => random.Next(20, 100), _ => random.Next(100, 400) };
        var attached = new List<string> { business.LegalForm == LegalForm.Perorangan ? "ktp" : "akta-pendirian" };
        if (environmental == "UKL-UPL")
        {
            attached.Add("ukl-upl");
        }
        else if (environmental == "AMDAL")
        {
            attached.Add("amdal");
        }

        var permitType = hasNib && random.NextDouble() < 0.08 && codes.Any(c => rules.Kbli[c].SupportingPermits.Count > 0)
            ? PermitTypes.PbUmku
            : PermitTypes.PerizinanBerusaha;

        if (!clean && random.NextDouble() < 0.25)
        {
            switch (random.Next(9))
            {
                case 0: planned = submissionDate.AddDays(-random.Next(1, 60)); break;
                case 1: declarations.Remove("kebenaran-data"); break;
                case 2: environmental = environmental == "SPPL" ? null : "SPPL"; break;
                case 3: codes[0] = (kbli.FirstOrDefault(k => !k.AllowedZones.Contains(place.Zone)) ?? kbli[0]).Code; break;
                case 4: attached.RemoveAt(0); break;
                case 5: pbg = null; buildingArea = Math.Max(buildingArea, 36m); break;
                case 6: latitude = -9.9m; break;
                case 7: employees = 0; break;
                default: planned = submissionDate.AddYears(1).AddDays(random.Next(10, 200)); break;
            }
        }

        return new ApplicationRequest(
            businessId,
            permitType,
            codes,
            new LocationRequest(random.NextDouble() < 0.5 ? place.Code : place.Name, Address(place), latitude, longitude, polygon),
            landArea,
            buildingArea,
            new InvestmentRequest(land, buildings, machinery, workingCapital),
            employees,
            planned,
            declarations,
            environmental,
            pbg,
            attached.Where(documents.ContainsKey).Select(kind => documents[kind]).ToList());
    }

    /// <summary>Submission moments spread over the days before <paramref name="until"/>: working days busier, office hours WITA.</summary>
    public List<DateTimeOffset> Moments(int count, DateTimeOffset until, int days)
    {
        var moments = new List<DateTimeOffset>(count);
        var start = until.AddDays(-days);
        while (moments.Count < count)
        {
            var moment = start.AddSeconds(random.NextDouble() * (until - start).TotalSeconds);
            var local = moment.ToOffset(TimeSpan.FromHours(8));
            var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var office = local.Hour is >= 8 and < 16;
            var weight = (weekend ? 0.35 : 1.0) * (office ? 1.0 : local.Hour is >= 6 and < 23 ? 0.4 : 0.05);
            if (random.NextDouble() < weight && moment < until)
            {
                moments.Add(moment);
            }
        }

        moments.Sort();
        return moments;
    }

    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    private BusinessScale PickScale(bool residential)
    {
        var roll = random.NextDouble();
        var scale = roll switch { < 0.68 => BusinessScale.Mikro, < 0.90 => BusinessScale.Kecil, < 0.97 => BusinessScale.Menengah, _ => BusinessScale.Besar };
        return residential ? Scales[Math.Min((int)scale, 1)] : scale;
    }

    /// <summary>Capital excluding land and buildings, inside the PP 7/2021 band of the scale.</summary>
    private long CapitalFor(BusinessScale scale)
    {
        var (low, high) = scale switch
        {
            BusinessScale.Mikro => (15_000_000L, 950_000_000L),
            BusinessScale.Kecil => (1_050_000_000L, 4_900_000_000L),
            BusinessScale.Menengah => (5_100_000_000L, 9_900_000_000L),
            _ => (10_500_000_000L, 60_000_000_000L),
        };
        var skewed = Math.Pow(random.NextDouble(), 2);
        return RoundTo(low + (long)(skewed * (high - low)), 500_000);
    }

    private (decimal Latitude, decimal Longitude) Coordinates() =>
        (Math.Round(-10.12m - ((decimal)random.NextDouble() * 0.14m), 5), Math.Round(123.55m + ((decimal)random.NextDouble() * 0.12m), 5));

    private static List<CoordinateRequest> Square(decimal lat, decimal lon)
    {
        const decimal d = 0.0006m;
        return [new(lat, lon), new(lat, lon + d), new(lat - d, lon + d), new(lat - d, lon)];
    }

    private string Address(KelurahanEntry place) =>
        string.Create(CultureInfo.InvariantCulture, $"{Pick(Streets)} No. {random.Next(1, 200)}, RT {random.Next(1, 30):D3}/RW {random.Next(1, 12):D3}, {place.Name}, {place.KecamatanName}, Kota Kupang");

    /// <summary>A structurally valid NIK of a Kota Kupang resident: 5371, kecamatan, birth date (women +40), serial.</summary>
    private string Nik()
    {
        var birth = new DateOnly(1955, 1, 1).AddDays(random.Next(0, 17_000));
        var day = birth.Day + (random.NextDouble() < 0.5 ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"53710{random.Next(1, 7)}{day:D2}{birth.Month:D2}{birth.Year % 100:D2}{random.Next(1, 10_000):D4}");
    }

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(i => (char)('0' + (i == 0 ? random.Next(1, 10) : random.Next(10)))));

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static long RoundTo(long value, long unit) => value / unit * unit;
}
