using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// Marks a property of an entity as something the applicant stated, with the path it has in the request body
/// (e.g. <c>location.kelurahan</c>). What changed between two applications is derived from these marks, so a new
/// answer shows up in a resubmission's changes by being marked, without another list of fields.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AnswerAttribute(string path) : Attribute
{
    public string Path { get; } = path;

    /// <summary>The order of the values does not matter (a set, such as the declarations made).</summary>
    public bool Unordered { get; init; }
}

/// <summary>One stated answer that differs between an application and the one it corrects, as text.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Reads the answers marked with <see cref="AnswerAttribute"/> as text and compares two entities by them.</summary>
public static class Answers
{
    public static IReadOnlyList<FieldChange> Changes<T>(T before, T after)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Of<T>.Readers
            .Select(reader => new FieldChange(reader.Path, reader.Read(before), reader.Read(after)))
            .Where(change => change.Before != change.After)
            .ToList();
    }

    /// <summary>
    /// The answers of an entity as the JSON body they were stated in (each value at its path), so a stated
    /// application can be stated again (a correction starts from what the rejected application said).
    /// </summary>
    public static JsonObject ToJson<T>(T entity)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var body = new JsonObject();
        foreach (var reader in Of<T>.Readers)
        {
            var segments = reader.Path.Split('.');
            var node = body;
            foreach (var segment in segments[..^1])
            {
                node = node[segment] as JsonObject ?? (JsonObject)(node[segment] = new JsonObject());
            }

            // A database may add trailing zeros to a decimal (90.0 for 90): the body states the number as given.
            var value = reader.Value(entity) is decimal number ? decimal.Parse(number.ToString("G29", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : reader.Value(entity);
            node[segments[^1]] = JsonSerializer.SerializeToNode(value, Json.Options);
        }

        return body;
    }

    /// <summary>
    /// Sets each answer of <paramref name="entity"/> from the JSON body it was stated in (the inverse of
    /// <see cref="ToJson{T}"/>): the value at each answer's path, read as the property's type. A new answer is
    /// taken from the body by being marked, without another list of fields. A path the body lacks leaves the default.
    /// </summary>
    public static void Apply<T>(T entity, JsonObject body)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(body);
        foreach (var (path, property) in Of<T>.Settable)
        {
            JsonNode? node = body;
            foreach (var segment in path.Split('.'))
            {
                node = node is JsonObject parent && parent.TryGetPropertyValue(segment, out var child) ? child : null;
            }

            if (node is not null)
            {
                property.SetValue(entity, node.Deserialize(property.PropertyType, Json.Options));
            }
        }
    }

    /// <summary>The request paths of every answer of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> PathsOf<T>()
        where T : class => Of<T>.Readers.Select(r => r.Path).ToList();

    /// <summary>A value as the changes show it: invariant culture, decimals without trailing zeros, lists joined.</summary>
    public static string? Format(object? value, bool unordered = false) => value switch
    {
        null => null,
        string text => text,
        decimal number => number.ToString("G29", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Join(items.Cast<object?>().Select(item => Format(item) ?? string.Empty), unordered),
        _ => value.ToString(),
    };

    private static string Join(IEnumerable<string> items, bool unordered)
    {
        var list = unordered ? items.Order(StringComparer.Ordinal).ToList() : items.ToList();
        return string.Join(list.Any(i => i.Contains(',', StringComparison.Ordinal)) ? "; " : ", ", list);
    }

    private sealed record Reader(string Path, Func<object, object?> Value, bool Unordered)
    {
        public string? Read(object entity) => Format(Value(entity), Unordered);
    }

    private static class Of<T>
    {
        public static readonly IReadOnlyList<Reader> Readers = Discover(typeof(T), [], null).ToList();

        /// <summary>The answers of the type itself with their paths, each settable (a private setter will do).</summary>
        public static readonly IReadOnlyList<(string Path, PropertyInfo Property)> Settable = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(AnswerAttribute)))
            .Select(p => (p.GetCustomAttribute<AnswerAttribute>()!.Path, p.SetMethod is not null ? p : throw new InvalidOperationException($"The answer {p.Name} of {typeof(T).Name} has no setter.")))
            .ToList();

        /// <summary>Answers of the type, and of the properties of value objects it holds (paths prefixed by their own answer).</summary>
        private static IEnumerable<Reader> Discover(Type type, Func<object, object?>[] path, string? prefix)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var answer = property.GetCustomAttribute<AnswerAttribute>();
                if (answer is null)
                {
                    continue;
                }

                var name = prefix is null ? answer.Path : $"{prefix}.{answer.Path}";
                Func<object, object?>[] chain = [.. path, property.GetValue];
                var nested = property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.IsDefined(typeof(AnswerAttribute)));
                if (nested)
                {
                    foreach (var inner in Discover(property.PropertyType, chain, name))
                    {
                        yield return inner;
                    }
                }
                else
                {
                    yield return new Reader(name, entity => chain.Aggregate((object?)entity, (value, step) => value is null ? null : step(value)), answer.Unordered);
                }
            }
        }
    }
}
