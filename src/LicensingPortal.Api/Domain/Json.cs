using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicensingPortal.Api.Domain;

/// <summary>The JSON settings of stored documents (facts and traces) and of the API: camelCase, enums as camelCase text.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new ReadOnlySetConverter());
        options.Converters.Add(new TextWithoutNulConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

        // A property given twice ("employees": 5, "employees": 6, in any letter case) is refused, not read as its last
        // value: the service does not guess which one the sender meant, and a retry's key compares what was meant.
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}

/// <summary>Text as JSON strings, refusing the NUL character (PostgreSQL cannot store it; no answer needs it).</summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("Text may not contain the NUL character (\\u0000).")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

/// <summary>Sets of text (declarations, document kinds) as sorted JSON arrays, so stored facts read back and compare exactly.</summary>
public sealed class ReadOnlySetConverter : JsonConverter<IReadOnlySet<string>>
{
    public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? []).ToHashSet(StringComparer.Ordinal);

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
