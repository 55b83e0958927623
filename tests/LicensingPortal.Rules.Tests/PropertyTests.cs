using System.Globalization;
using System.Text;
using CsCheck;
using LicensingPortal.Rules.Documents;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Tests;

/// <summary>Properties of the engine checked over generated applications and generated reformattings of the rule files.</summary>
public sealed class PropertyTests : IDisposable
{
    private static readonly string[] KbliCodes = [.. KupangRules.RuleSet.Definition.Kbli.Keys, "99999"];
    private static readonly string[] Kelurahan = [.. KupangRules.RuleSet.Definition.Kelurahan.Keys, "5301011001"];
    private static readonly string[] Declarations = ["kebenaran-data", "pemenuhan-standar", "komitmen-verifikasi-standar", "komitmen-izin", "higiene-sanitasi"];
    private static readonly string?[] EnvironmentalDocuments = ["SPPL", "UKL-UPL", "AMDAL", null];

    /// <summary>Independent ways to break one requirement of the compliant restaurant, each touching its own fact.</summary>
    private static readonly (string Requirement, Func<ApplicationFacts, ApplicationFacts> Break)[] Breakages =
    [
        ("KEGIATAN-TANGGAL-MULAI", f => f with { PlannedStartDate = f.SubmissionDate.AddDays(-3) }),
        ("PERNYATAAN-KEBENARAN-DATA", f => f with { Declarations = new HashSet<string>() }),
        ("BANGUNAN-PBG", f => f with { BuildingApprovalNumber = "x" }),
        ("TENAGA-KERJA-DIISI", f => f with { Employees = 0 }),
        ("LINGKUNGAN-DOKUMEN", f => f with { EnvironmentalDocument = "AMDAL" }),
        ("BANGUNAN-LUAS-TANAH", f => f with { LandAreaM2 = 0 }),
        ("LOKASI-KOORDINAT-DALAM-KOTA", f => f with { Latitude = -6.2m, Longitude = 106.8m }),
        ("IDENTITAS-NIK-NOMOR-URUT", f => f with { Nik = "5371044107850000" }),
        ("IDENTITAS-NPWP-PERORANGAN", f => f with { Npwp = "12345" }),
        ("DOKUMEN-KTP", f => f with { DocumentKinds = new HashSet<string>() }),
    ];

    private readonly DirectoryInfo workspace = Directory.CreateTempSubdirectory("lp-prop-");

    public void Dispose() => workspace.Delete(recursive: true);

    private static readonly Gen<ApplicationFacts> Applications =
        from kbli in Gen.OneOf(KbliCodes).Array[1, 4]
        from kelurahan in Gen.OneOf(Kelurahan)
        from individual in Gen.Bool
        from pma in Gen.Bool
        from machinery in Gen.Long[0, 30_000_000_000]
        from working in Gen.Long[0, 5_000_000_000]
        from land in Gen.Long[0, 5_000_000_000]
        from building in Gen.Decimal[0m, 2_000m]
        from employees in Gen.Int[0, 500]
        from startOffset in Gen.Int[-30, 400]
        from declarations in Gen.OneOf(Declarations).Array[0, 5]
        from environment in Gen.OneOf(EnvironmentalDocuments)
        from coordinates in Gen.Bool
        from polygon in Gen.Int[0, 6]
        select KupangRules.Restaurant() with
        {
            OwnerKind = individual ? "individual" : "entity",
            Nik = individual ? "5371044107850003" : null,
            Npwp = individual ? null : "0123456789012345",
            LegalForm = individual ? "perorangan" : "pt",
            InvestmentType = pma ? "PMA" : "PMDN",
            KbliCodes = kbli.Distinct().ToArray(),
            KelurahanCode = kelurahan,
            InvestmentMachinery = machinery,
            InvestmentWorkingCapital = working,
            InvestmentLand = land,
            BuildingAreaM2 = building,
            Employees = employees,
            PlannedStartDate = KupangRules.Today.AddDays(startOffset),
            Declarations = declarations.ToHashSet(),
            EnvironmentalDocument = environment,
            Latitude = coordinates ? -10.17m : null,
            Longitude = coordinates ? 123.6m : null,
            PolygonPoints = polygon,
        };

    [Fact]
    public void Evaluation_IsDeterministic_AndTheStoredVersionAgreesWithTheFiles()
    {
        var stored = RuleSetLoader.LoadCanonical(KupangRules.RuleSet.CanonicalContent).RuleSet!;

        Applications.Sample(facts =>
        {
            var first = KupangRules.RuleSet.Evaluate(facts);
            var again = KupangRules.RuleSet.Evaluate(facts);
            var replayed = stored.Evaluate(facts);
            return Same(first, again) && Same(first, replayed);
        });
    }

    private static readonly Gen<string?> AnyText = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.Const((string?)string.Empty),
        Gen.Const((string?)"   "),
        Gen.OneOf(KbliCodes).Select(code => (string?)code),
        Gen.OneOf(Kelurahan).Select(code => (string?)code),
        Gen.String.Select(text => (string?)text));

    private static readonly Gen<long> AnyAmount = Gen.OneOf(Gen.Long, Gen.Const(long.MaxValue), Gen.Const(long.MinValue), Gen.Long[-1, 1]);

    private static readonly Gen<decimal> AnyDecimal = Gen.OneOf(Gen.Decimal, Gen.Const(decimal.MaxValue), Gen.Const(decimal.MinValue), Gen.Const(0m));

    private static readonly Gen<DateOnly> AnyDate = Gen.OneOf(Gen.Const(DateOnly.MinValue), Gen.Const(DateOnly.MaxValue), Gen.Int[0, 3_652_058].Select(DateOnly.FromDayNumber));

    /// <summary>Whatever a caller could hand the engine: nulls wherever a reference can be null, empty and unknown codes, repeats, limits.</summary>
    private static readonly Gen<ApplicationFacts> AnyFacts =
        from owner in AnyText
        from nik in AnyText
        from npwp in AnyText
        from legalForm in AnyText
        from investmentType in AnyText
        from permitType in AnyText
        from kbli in Gen.OneOf(Gen.Const((string?[]?)null), AnyText.Array[0, 6].Select(codes => (string?[]?)codes))
        from kelurahan in AnyText
        from latitude in Gen.OneOf(Gen.Const((decimal?)null), AnyDecimal.Select(d => (decimal?)d))
        from longitude in Gen.OneOf(Gen.Const((decimal?)null), AnyDecimal.Select(d => (decimal?)d))
        from polygon in Gen.OneOf(Gen.Int, Gen.Const(int.MaxValue), Gen.Const(int.MinValue))
        from areas in Gen.Select(AnyDecimal, AnyDecimal)
        from amounts in Gen.Select(AnyAmount, AnyAmount, AnyAmount, AnyAmount)
        from employees in Gen.OneOf(Gen.Int, Gen.Const(int.MaxValue), Gen.Const(int.MinValue))
        from dates in Gen.Select(AnyDate, AnyDate)
        from declarations in Gen.OneOf(Gen.Const((string?[]?)null), AnyText.Array[0, 5].Select(items => (string?[]?)items))
        from documents in Gen.OneOf(Gen.Const((string?[]?)null), AnyText.Array[0, 5].Select(items => (string?[]?)items))
        from environment in AnyText
        from building in AnyText
        from flags in Gen.Select(Gen.Bool, Gen.Bool)
        from sales in AnyAmount
        select new ApplicationFacts
        {
            OwnerKind = owner!,
            Nik = nik,
            Npwp = npwp,
            LegalForm = legalForm!,
            InvestmentType = investmentType!,
            PermitType = permitType!,
            KbliCodes = kbli!,
            KelurahanCode = kelurahan!,
            Latitude = latitude,
            Longitude = longitude,
            PolygonPoints = polygon,
            LandAreaM2 = areas.Item1,
            BuildingAreaM2 = areas.Item2,
            InvestmentLand = amounts.Item1,
            InvestmentBuildings = amounts.Item2,
            InvestmentMachinery = amounts.Item3,
            InvestmentWorkingCapital = amounts.Item4,
            Employees = employees,
            PlannedStartDate = dates.Item1,
            SubmissionDate = dates.Item2,
            Declarations = declarations is null ? null! : new HashSet<string>(declarations!),
            DocumentKinds = documents is null ? null! : new HashSet<string>(documents!),
            EnvironmentalDocument = environment,
            BuildingApprovalNumber = building,
            HasNib = flags.Item1,
            ExistingBusiness = flags.Item2,
            AnnualSales = sales,
        };

    [Fact]
    public void Evaluation_OfAnyFacts_EndsInADecision_DeterministicAndReplayable()
    {
        var stored = RuleSetLoader.LoadCanonical(KupangRules.RuleSet.CanonicalContent).RuleSet!;

        AnyFacts.Sample(
            facts =>
            {
                var first = KupangRules.RuleSet.Evaluate(facts);
                var again = KupangRules.RuleSet.Evaluate(facts);
                var replayed = stored.Evaluate(facts);
                var explained = first.Failed.All(f =>
                    KupangRules.RuleSet.Explain(f, Language.Indonesian).Length > 0 && KupangRules.RuleSet.Explain(f, Language.English).Length > 0);
                return Same(first, again) && Same(first, replayed) && explained
                    && (first.Outcome == Outcome.Rejected) == first.Failed.Any();
            },
            iter: 5_000);
    }

    [Fact]
    public void Evaluation_OfMissingFacts_FailsTheRequirementsThatAskForThem()
    {
        var facts = KupangRules.Restaurant() with { KbliCodes = [null!], KelurahanCode = null!, Declarations = null!, PermitType = null! };

        var evaluation = KupangRules.RuleSet.Evaluate(facts);

        Assert.Equal(Outcome.Rejected, evaluation.Outcome);
        Assert.Equal(["LOKASI-KELURAHAN-KUPANG", "PERNYATAAN-KEBENARAN-DATA"], evaluation.FailedRequirementIds.Order(StringComparer.Ordinal));
        Assert.Empty(evaluation.Facts.KbliCodes);
    }

    [Fact]
    public void Rejection_ListsEveryFailedRequirement()
    {
        Gen.Int[0, (1 << Breakages.Length) - 1].Sample(mask =>
        {
            var broken = Breakages.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var facts = broken.Aggregate(KupangRules.Restaurant(), (f, b) => b.Break(f));

            var evaluation = KupangRules.RuleSet.Evaluate(facts);

            var failed = evaluation.Failed.Select(f => f.RequirementId).Order(StringComparer.Ordinal).ToArray();
            var expected = broken.Select(b => b.Requirement).Order(StringComparer.Ordinal).ToArray();
            return failed.SequenceEqual(expected) && (evaluation.Outcome == Outcome.Rejected) == (broken.Length > 0);
        });
    }

    [Fact]
    public void Rejection_OutcomeAgreesWithTheRequirementOutcomes()
    {
        Applications.Sample(facts =>
        {
            var evaluation = KupangRules.RuleSet.Evaluate(facts);
            var anyFailed = evaluation.Requirements.Any(r => r.Status == RequirementStatus.Failed);
            return evaluation.Requirements.Count == KupangRules.RuleSet.Requirements.Count
                && (evaluation.Outcome == Outcome.Rejected) == anyFailed;
        });
    }

    [Fact]
    public void PmaMinimum_FlipsExactlyAtItsThreshold()
    {
        const long threshold = 10_000_000_000;
        Gen.Long[-5_000_000, 5_000_000].Sample(offset =>
        {
            var facts = KupangRules.ForeignHotel() with { InvestmentMachinery = threshold + offset, InvestmentWorkingCapital = 0 };
            var status = KupangRules.RuleSet.Evaluate(facts).Requirements.Single(r => r.RequirementId == "PMA-NILAI-INVESTASI").Status;
            return status == (offset > 0 ? RequirementStatus.Passed : RequirementStatus.Failed);
        });
    }

    [Fact]
    public void Scale_FlipsExactlyAtEachPp7Threshold()
    {
        (long Limit, BusinessScale Below, BusinessScale Above)[] thresholds =
        [
            (1_000_000_000, BusinessScale.Mikro, BusinessScale.Kecil),
            (5_000_000_000, BusinessScale.Kecil, BusinessScale.Menengah),
            (10_000_000_000, BusinessScale.Menengah, BusinessScale.Besar),
        ];
        Gen.Select(Gen.Int[0, 2], Gen.Long[-1_000_000, 1_000_000]).Sample((index, offset) =>
        {
            var (limit, below, above) = thresholds[index];
            var facts = KupangRules.Restaurant() with { InvestmentMachinery = limit + offset, InvestmentWorkingCapital = 0 };
            return KupangRules.RuleSet.Evaluate(facts).Scale == (offset <= 0 ? below : above);
        });
    }

    [Fact]
    public void Reformatting_TheRuleFiles_KeepsTheHash()
    {
        var original = KupangRules.RuleSet.Hash;
        Gen.Int.Sample(
            seed =>
            {
                var copy = Path.Combine(workspace.FullName, $"set-{seed}-{Guid.NewGuid():N}");
                var random = new Random(seed);
                var reformatted = true;
                foreach (var file in Directory.GetFiles(TestPaths.KupangRuleSet, "*.yaml", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(copy, Path.GetRelativePath(TestPaths.KupangRuleSet, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    var node = SourceReader.Read(File.ReadAllText(file), file, new List<RuleDiagnostic>());
                    var text = "# reformatted\n" + YamlWriter.Write(node, random);
                    reformatted &= text != File.ReadAllText(file);
                    File.WriteAllText(target, text);
                }

                var reloaded = RuleSetLoader.LoadFolder(copy, TestPaths.Seeds);
                return reformatted && reloaded.Succeeded && reloaded.RuleSet!.Hash == original;
            },
            iter: 25);
    }

    private static bool Same(Evaluation.Evaluation a, Evaluation.Evaluation b) =>
        a.Outcome == b.Outcome
        && a.RuleSetHash == b.RuleSetHash
        && a.Scale == b.Scale
        && a.RiskLevel == b.RiskLevel
        && a.RequiredPermits.SequenceEqual(b.RequiredPermits)
        && a.Requirements.Count == b.Requirements.Count
        && a.Requirements.Zip(b.Requirements).All(p =>
            p.First.RequirementId == p.Second.RequirementId
            && p.First.Status == p.Second.Status
            && p.First.ExpectedValue == p.Second.ExpectedValue
            && p.First.Facts.SequenceEqual(p.Second.Facts));

    /// <summary>Writes a document back as YAML with keys shuffled, a random indent and random block/flow and quoting styles.</summary>
    private static class YamlWriter
    {
        public static string Write(SourceNode node, Random random)
        {
            var output = new StringBuilder();
            var indent = random.Next(2, 5);
            Block(node, 0, indent, random, output);
            return output.ToString();
        }

        private static void Block(SourceNode node, int depth, int indent, Random random, StringBuilder output)
        {
            var pad = new string(' ', depth * indent);
            switch (node)
            {
                case MappingNode map:
                    foreach (var (key, value) in map.Entries.OrderBy(_ => random.Next()))
                    {
                        output.Append(pad).Append(Scalar(key.Value, random)).Append(':');
                        Child(value, depth, indent, random, output);
                    }

                    break;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        output.Append(pad).Append('-');
                        Child(item, depth, indent, random, output);
                    }

                    break;
                default:
                    output.Append(pad).Append(Scalar(((ScalarNode)node).Value, random)).Append('\n');
                    break;
            }
        }

        private static void Child(SourceNode value, int depth, int indent, Random random, StringBuilder output)
        {
            if (value is ScalarNode scalar)
            {
                output.Append(' ').Append(Scalar(scalar.Value, random)).Append('\n');
            }
            else if (random.Next(3) == 0)
            {
                output.Append(' ').Append(Flow(value, random)).Append('\n');
            }
            else if (value is MappingNode { Entries.Count: 0 } or SequenceNode { Items.Count: 0 })
            {
                output.Append(' ').Append(Flow(value, random)).Append('\n');
            }
            else
            {
                output.Append('\n');
                Block(value, depth + 1, indent, random, output);
            }
        }

        private static string Flow(SourceNode node, Random random) => node switch
        {
            MappingNode map => "{" + string.Join(", ", map.Entries.OrderBy(_ => random.Next()).Select(e => Scalar(e.Key.Value, random) + ": " + Flow(e.Value, random))) + "}",
            SequenceNode sequence => "[" + string.Join(", ", sequence.Items.Select(i => Flow(i, random))) + "]",
            _ => Quoted(((ScalarNode)node).Value, random),
        };

        private static string Scalar(string value, Random random) =>
            value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') && char.IsAsciiLetter(value[0]) && random.Next(2) == 0 && value is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off")
                ? value
                : Quoted(value, random);

        private static string Quoted(string value, Random random) => random.Next(2) == 0
            ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
            : "\"" + string.Concat(value.Select(c => c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => c < 0x20 ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString(),
            })) + "\"";
    }
}
