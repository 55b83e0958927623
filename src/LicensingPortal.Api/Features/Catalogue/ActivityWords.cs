using YamlDotNet.RepresentationModel;

namespace LicensingPortal.Api.Features.Catalogue;

/// <summary>
/// The everyday words people use for each activity ("jahit", "bengkel", "pulsa"), read from
/// seeds/kbli-everyday-words.yaml: they help the finder, and are no part of a rule set (ADR 0032).
/// </summary>
public sealed class ActivityWords
{
    public const string FileName = "kbli-everyday-words.yaml";

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> byCode;

    public ActivityWords(IReadOnlyDictionary<string, IReadOnlyList<string>> byCode) => this.byCode = byCode;

    public static ActivityWords None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The codes that have words.</summary>
    public IEnumerable<string> Codes => byCode.Keys;

    /// <summary>The everyday words and phrases of an activity's code, as written.</summary>
    public IReadOnlyList<string> Of(string code) => byCode.GetValueOrDefault(code) ?? [];

    /// <summary>Reads the file in the seeds folder; without it, the finder matches the official titles only.</summary>
    public static ActivityWords Load(string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, FileName);
        if (!File.Exists(path))
        {
            return None;
        }

        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{path}: a code and its words a line, like '47112': [warung, kios].");
        }

        var byCode = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } code } || value is not YamlSequenceNode words)
            {
                throw new InvalidDataException($"{path}, line {key.Start.Line}: a code and its words in brackets, like '47112': [warung, kios].");
            }

            byCode[code] = [.. words.Children.OfType<YamlScalarNode>().Select(w => w.Value).OfType<string>().Where(w => w.Length > 0)];
        }

        return new ActivityWords(byCode);
    }
}
