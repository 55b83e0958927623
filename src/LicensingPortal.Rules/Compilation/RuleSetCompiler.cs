using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LicensingPortal.Rules.Documents;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Compilation;

/// <summary>
/// Reads a rule set document (the rule set and the seed tables it reads, as one tree), checks it against the
/// fact model and the tables, and compiles it. Reads its input the same way whether it comes from the files
/// or from the canonical content stored with past decisions.
/// </summary>
public static partial class RuleSetCompiler
{
    public static RuleSetLoadResult Compile(MappingNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var diagnostics = new List<RuleDiagnostic>();
        var canonical = new StringBuilder();
        document.WriteCanonical(canonical);
        var content = canonical.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

        var reader = new NodeReader(diagnostics);
        var root = reader.Map(document, "ruleSet");
        var tables = reader.Map(document, "tables");
        if (root is null || tables is null)
        {
            return new RuleSetLoadResult(null, diagnostics);
        }

        reader.OnlyKeys(root, "id", "title", "effectiveFrom", "parameters", "permitTypes", "riskLevels", "requirements");
        var id = reader.Text(root, "id");
        var title = reader.Localized(root, "title");
        var effectiveFrom = reader.Date(root, "effectiveFrom");
        var permitTypes = ReadPermitTypes(reader, root);
        var riskLevels = ReadRiskLevels(reader, root, permitTypes);
        var parameters = ReadParameters(reader, root);
        var kelurahan = ReadKelurahan(reader, tables);
        var kbli = ReadKbli(reader, tables, riskLevels, permitTypes, kelurahan);

        var definition = new RuleSetDefinition(id, title, effectiveFrom, permitTypes, riskLevels, parameters, kbli, kelurahan);
        var predicates = new PredicateCompiler(parameters, new DomainCheck(kbli, kelurahan, permitTypes, riskLevels), diagnostics);
        var requirements = ReadRequirements(reader, root, predicates);

        return diagnostics.Count > 0
            ? new RuleSetLoadResult(null, diagnostics)
            : new RuleSetLoadResult(new CompiledRuleSet(definition, requirements, hash, content), diagnostics);
    }

    private static Dictionary<string, PermitTypeDefinition> ReadPermitTypes(NodeReader reader, MappingNode root)
    {
        var result = new Dictionary<string, PermitTypeDefinition>(StringComparer.Ordinal);
        foreach (var (key, node) in reader.Entries(root, "permitTypes"))
        {
            if (node is not MappingNode map)
            {
                reader.Problem(node, "a permit type is a mapping");
                continue;
            }

            reader.OnlyKeys(map, "title", "validityMonths");
            int? validity = map.Has("validityMonths") ? (int)reader.Number(map, "validityMonths") : null;
            result[key.Value] = new PermitTypeDefinition(key.Value, reader.Localized(map, "title"), validity);
        }

        if (result.Count > RuleSetTables.MaxPermitTypes)
        {
            reader.Problem(root["permitTypes"]!, $"a rule set holds at most {RuleSetTables.MaxPermitTypes} permit types; found {result.Count}");
        }

        return result;
    }

    private static Dictionary<string, RiskLevelDefinition> ReadRiskLevels(NodeReader reader, MappingNode root, Dictionary<string, PermitTypeDefinition> permitTypes)
    {
        var result = new Dictionary<string, RiskLevelDefinition>(StringComparer.Ordinal);
        foreach (var (key, node) in reader.Entries(root, "riskLevels"))
        {
            if (node is not MappingNode map)
            {
                reader.Problem(node, "a risk level is a mapping");
                continue;
            }

            reader.OnlyKeys(map, "rank", "title", "permits", "environmentalDocument");
            var permits = reader.TextList(map, "permits");
            foreach (var permit in permits.Where(p => !permitTypes.ContainsKey(p.Value)))
            {
                reader.Problem(permit, $"unknown permit type '{permit.Value}'");
            }

            result[key.Value] = new RiskLevelDefinition(key.Value, (int)reader.Number(map, "rank"), reader.Localized(map, "title"), permits.Select(p => p.Value).ToArray(), reader.Text(map, "environmentalDocument"));
        }

        return result;
    }

    private static Dictionary<string, ParameterDefinition> ReadParameters(NodeReader reader, MappingNode root)
    {
        var result = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var (key, node) in reader.Entries(root, "parameters"))
        {
            if (node is not MappingNode map)
            {
                reader.Problem(node, "a parameter is a mapping with value and legalBasis");
                continue;
            }

            reader.OnlyKeys(map, "value", "legalBasis");
            result[key.Value] = new ParameterDefinition(key.Value, reader.Number(map, "value"), reader.Legal(map));
        }

        return result;
    }

    private static Dictionary<string, KelurahanEntry> ReadKelurahan(NodeReader reader, MappingNode tables)
    {
        var result = new Dictionary<string, KelurahanEntry>(StringComparer.Ordinal);
        var wilayah = reader.Map(tables, "wilayah");
        if (wilayah is null)
        {
            return result;
        }

        foreach (var kecamatanNode in reader.List(wilayah, "kecamatan"))
        {
            if (kecamatanNode is not MappingNode kecamatan)
            {
                reader.Problem(kecamatanNode, "a kecamatan is a mapping");
                continue;
            }

            var kecamatanCode = reader.Text(kecamatan, "code");
            var kecamatanName = reader.Text(kecamatan, "name");
            foreach (var node in reader.List(kecamatan, "kelurahan"))
            {
                if (node is not MappingNode map)
                {
                    reader.Problem(node, "a kelurahan is a mapping");
                    continue;
                }

                var code = reader.Text(map, "code");
                if (!result.TryAdd(code, new KelurahanEntry(code, reader.Text(map, "name"), kecamatanCode, kecamatanName, reader.Text(map, "zone"))))
                {
                    reader.Problem(map, $"duplicate kelurahan code '{code}'");
                }
            }
        }

        return result;
    }

    private static Dictionary<string, KbliEntry> ReadKbli(
        NodeReader reader,
        MappingNode tables,
        Dictionary<string, RiskLevelDefinition> riskLevels,
        Dictionary<string, PermitTypeDefinition> permitTypes,
        Dictionary<string, KelurahanEntry> kelurahan)
    {
        var result = new Dictionary<string, KbliEntry>(StringComparer.Ordinal);
        var catalogue = reader.Map(tables, "kbli");
        if (catalogue is null)
        {
            return result;
        }

        var zones = kelurahan.Values.Select(k => k.Zone).ToHashSet(StringComparer.Ordinal);
        foreach (var node in reader.List(catalogue, "entries"))
        {
            if (node is not MappingNode map)
            {
                reader.Problem(node, "a KBLI entry is a mapping");
                continue;
            }

            var code = reader.Text(map, "code");
            if (!KbliCode().IsMatch(code))
            {
                reader.Problem(map["code"] ?? map, $"a KBLI 2020 code has five digits, found '{code}'");
            }

            var risk = new Dictionary<BusinessScale, string>();
            var riskMap = reader.Map(map, "risk");
            foreach (var scale in Enum.GetValues<BusinessScale>())
            {
                var key = scale.ToString().ToLowerInvariant();
                var level = riskMap is null ? string.Empty : reader.Text(riskMap, key);
                if (riskMap is not null && !riskLevels.ContainsKey(level))
                {
                    reader.Problem(riskMap[key] ?? riskMap, $"unknown risk level '{level}' for KBLI {code}");
                }

                risk[scale] = level;
            }

            var allowed = reader.TextList(map, "zones");
            foreach (var zone in allowed.Where(z => !zones.Contains(z.Value)))
            {
                reader.Problem(zone, $"unknown zone '{zone.Value}' for KBLI {code}");
            }

            var supporting = reader.TextList(map, "supportingPermits", optional: true);
            foreach (var permit in supporting.Where(p => !permitTypes.ContainsKey(p.Value)))
            {
                reader.Problem(permit, $"unknown permit type '{permit.Value}'");
            }

            var entry = new KbliEntry(code, reader.Localized(map, "title"), reader.Text(map, "sector"), risk, allowed.Select(z => z.Value).ToHashSet(StringComparer.Ordinal), supporting.Select(p => p.Value).ToArray());
            if (!result.TryAdd(code, entry))
            {
                reader.Problem(map, $"duplicate KBLI code '{code}'");
            }
        }

        return result;
    }

    private static List<CompiledRequirement> ReadRequirements(NodeReader reader, MappingNode root, PredicateCompiler predicates)
    {
        var result = new List<CompiledRequirement>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in reader.List(root, "requirements"))
        {
            if (node is not MappingNode map)
            {
                reader.Problem(node, "a requirement is a mapping");
                continue;
            }

            reader.OnlyKeys(map, "id", "title", "appliesWhen", "check", "message", "remedy", "legalBasis");
            var id = reader.Text(map, "id");
            if (id.Length > 0 && !ids.Add(id))
            {
                reader.Problem(map["id"]!, $"duplicate requirement id '{id}'");
            }

            var appliesWhen = map["appliesWhen"] is { } when ? predicates.Compile(when) : CompiledPredicate.Always;
            var check = map["check"] is { } checkNode ? predicates.Compile(checkNode) : null;
            if (check is null)
            {
                reader.Problem(map, $"requirement '{id}' has no check");
                continue;
            }

            var message = reader.Localized(map, "message");
            var mentioned = CheckPlaceholders(reader, map, message);
            check = check with { Reads = check.Reads.Concat(mentioned).Distinct().ToArray() };
            result.Add(new CompiledRequirement(id, reader.Localized(map, "title"), message, reader.Localized(map, "remedy"), reader.Legal(map), appliesWhen, check, map.Location));
        }

        return result;
    }

    private static List<FactDefinition> CheckPlaceholders(NodeReader reader, MappingNode map, LocalizedText message)
    {
        var mentioned = new List<FactDefinition>();
        foreach (var text in new[] { message.Id, message.En })
        {
            foreach (Match match in Placeholder().Matches(text))
            {
                var name = match.Groups[1].Value;
                if (name is "actual" or "expected")
                {
                    continue;
                }

                if (FactCatalog.Find(name) is { } fact)
                {
                    mentioned.Add(fact);
                }
                else
                {
                    reader.Problem(map["message"] ?? map, $"unknown placeholder '{{{name}}}' in message");
                }
            }
        }

        return mentioned;
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9.]*)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex Placeholder();

    [GeneratedRegex("^[0-9]{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex KbliCode();

    /// <summary>Reads typed values out of the tree, reporting anything missing or malformed where it is.</summary>
    private sealed class NodeReader(List<RuleDiagnostic> diagnostics)
    {
        public void Problem(SourceNode node, string message) => diagnostics.Add(new RuleDiagnostic(node.Location, message));

        /// <summary>Reports keys the schema does not know: a typo, or a comma inside an unquoted flow value.</summary>
        public void OnlyKeys(MappingNode map, params string[] known)
        {
            foreach (var entry in map.Entries.Where(e => !known.Contains(e.Key.Value)))
            {
                Problem(entry.Key, $"unknown key '{entry.Key.Value}' (expected one of: {string.Join(", ", known)})");
            }
        }

        public MappingNode? Map(MappingNode parent, string key)
        {
            switch (parent[key])
            {
                case MappingNode map:
                    return map;
                case null:
                    Problem(parent, $"missing '{key}'");
                    return null;
                case var other:
                    Problem(other, $"'{key}' must be a mapping");
                    return null;
            }
        }

        public IReadOnlyList<SourceNode> List(MappingNode parent, string key)
        {
            switch (parent[key])
            {
                case SequenceNode sequence:
                    return sequence.Items;
                case null:
                    Problem(parent, $"missing '{key}'");
                    return [];
                case var other:
                    Problem(other, $"'{key}' must be a list");
                    return [];
            }
        }

        public IEnumerable<KeyValuePair<ScalarNode, SourceNode>> Entries(MappingNode parent, string key) =>
            Map(parent, key)?.Entries ?? [];

        public string Text(MappingNode parent, string key)
        {
            switch (parent[key])
            {
                case ScalarNode { Value.Length: > 0 } scalar:
                    return scalar.Value;
                case null:
                    Problem(parent, $"missing '{key}'");
                    return string.Empty;
                case var other:
                    Problem(other, $"'{key}' must be a non-empty text");
                    return string.Empty;
            }
        }

        public List<ScalarNode> TextList(MappingNode parent, string key, bool optional = false)
        {
            if (optional && !parent.Has(key))
            {
                return [];
            }

            var result = new List<ScalarNode>();
            foreach (var item in List(parent, key))
            {
                if (item is ScalarNode scalar)
                {
                    result.Add(scalar);
                }
                else
                {
                    Problem(item, $"'{key}' must be a list of texts");
                }
            }

            return result;
        }

        public decimal Number(MappingNode parent, string key)
        {
            var text = Text(parent, key);
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            if (text.Length > 0)
            {
                Problem(parent[key]!, $"type mismatch: '{key}' must be a number, found '{text}'");
            }

            return 0m;
        }

        public DateOnly Date(MappingNode parent, string key)
        {
            var text = Text(parent, key);
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            if (text.Length > 0)
            {
                Problem(parent[key]!, $"type mismatch: '{key}' must be a date (yyyy-MM-dd), found '{text}'");
            }

            return default;
        }

        public LocalizedText Localized(MappingNode parent, string key)
        {
            if (parent[key] is not MappingNode map)
            {
                Problem(parent[key] ?? parent, $"missing translation: '{key}' needs 'id' (Bahasa Indonesia) and 'en' (English)");
                return new LocalizedText(string.Empty, string.Empty);
            }

            OnlyKeys(map, "id", "en");
            var id = map["id"] as ScalarNode;
            var en = map["en"] as ScalarNode;
            if (id is not { Value.Length: > 0 })
            {
                Problem(map, $"missing translation: '{key}' has no Bahasa Indonesia text ('id')");
            }

            if (en is not { Value.Length: > 0 })
            {
                Problem(map, $"missing translation: '{key}' has no English text ('en')");
            }

            return new LocalizedText(id?.Value ?? string.Empty, en?.Value ?? string.Empty);
        }

        public LegalBasis Legal(MappingNode parent)
        {
            if (parent["legalBasis"] is not MappingNode map)
            {
                Problem(parent["legalBasis"] ?? parent, "missing citation: 'legalBasis' needs regulation and article");
                return new LegalBasis(string.Empty, string.Empty, null);
            }

            OnlyKeys(map, "regulation", "article", "url");
            var regulation = map["regulation"] as ScalarNode;
            var article = map["article"] as ScalarNode;
            if (regulation is not { Value.Length: > 0 } || article is not { Value.Length: > 0 })
            {
                Problem(map, "missing citation: 'legalBasis' needs regulation and article");
            }

            return new LegalBasis(regulation?.Value ?? string.Empty, article?.Value ?? string.Empty, (map["url"] as ScalarNode)?.Value);
        }
    }
}
