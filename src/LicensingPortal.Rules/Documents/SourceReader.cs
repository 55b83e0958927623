using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LicensingPortal.Rules.Documents;

/// <summary>Reads YAML (and so JSON, its subset) into <see cref="SourceNode"/> trees with locations.</summary>
public static class SourceReader
{
    public static SourceNode Read(string text, string fileName, ICollection<RuleDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new RuleDiagnostic(new SourceLocation(fileName, (int)ex.Start.Line, (int)ex.Start.Column), $"YAML syntax error: {ex.InnerException?.Message ?? ex.Message}"));
            return new MappingNode([], new SourceLocation(fileName, 1, 1));
        }

        if (stream.Documents.Count == 0)
        {
            return new MappingNode([], new SourceLocation(fileName, 1, 1));
        }

        return Convert(stream.Documents[0].RootNode, fileName, diagnostics);
    }

    private static SourceNode Convert(YamlNode node, string fileName, ICollection<RuleDiagnostic> diagnostics)
    {
        var location = new SourceLocation(fileName, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlScalarNode scalar:
                return new ScalarNode(scalar.Value ?? string.Empty, location);
            case YamlSequenceNode sequence:
                return new SequenceNode(sequence.Children.Select(c => Convert(c, fileName, diagnostics)).ToList(), location);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<ScalarNode, SourceNode>>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    var keyNode = (ScalarNode)Convert(key is YamlScalarNode ? key : new YamlScalarNode(key.ToString()), fileName, diagnostics);
                    if (!seen.Add(keyNode.Value))
                    {
                        diagnostics.Add(new RuleDiagnostic(keyNode.Location, $"duplicate key '{keyNode.Value}'"));
                        continue;
                    }

                    entries.Add(new(keyNode, Convert(value, fileName, diagnostics)));
                }

                return new MappingNode(entries, location);
            default:
                diagnostics.Add(new RuleDiagnostic(location, "unsupported YAML node (aliases are not allowed in rule files)"));
                return new ScalarNode(string.Empty, location);
        }
    }
}
