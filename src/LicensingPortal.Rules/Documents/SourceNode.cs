using System.Globalization;
using System.Text;

namespace LicensingPortal.Rules.Documents;

/// <summary>Where a node was read from, so that every problem can be reported as file:line:column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// A parsed rule or seed document: scalars, sequences and mappings with their source locations.
/// Scalars stay text; meaning is given by the compiler, never by the parser, so no rule text is ever run.
/// </summary>
public abstract class SourceNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    public abstract void WriteCanonical(StringBuilder output);
}

public sealed class ScalarNode(string value, SourceLocation location) : SourceNode(location)
{
    public string Value { get; } = value;

    public override void WriteCanonical(StringBuilder output) => CanonicalJson.WriteString(output, Value);

    public override string ToString() => Value;
}

public sealed class SequenceNode(IReadOnlyList<SourceNode> items, SourceLocation location) : SourceNode(location)
{
    public IReadOnlyList<SourceNode> Items { get; } = items;

    public override void WriteCanonical(StringBuilder output)
    {
        output.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }

            Items[i].WriteCanonical(output);
        }

        output.Append(']');
    }
}

public sealed class MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, SourceNode>> entries, SourceLocation location) : SourceNode(location)
{
    public IReadOnlyList<KeyValuePair<ScalarNode, SourceNode>> Entries { get; } = entries;

    public SourceNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public bool Has(string key) => Entries.Any(e => e.Key.Value == key);

    /// <summary>Keys are written in ordinal order, so reordering keys in a file never changes the hash.</summary>
    public override void WriteCanonical(StringBuilder output)
    {
        output.Append('{');
        var first = true;
        foreach (var entry in Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            CanonicalJson.WriteString(output, entry.Key.Value);
            output.Append(':');
            entry.Value.WriteCanonical(output);
        }

        output.Append('}');
    }
}

internal static class CanonicalJson
{
    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }
}
