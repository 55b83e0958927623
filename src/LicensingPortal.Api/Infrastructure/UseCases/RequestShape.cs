using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace LicensingPortal.Api.Infrastructure.UseCases;

/// <summary>
/// One rule for the shape of every request, checked before its own validators: no list holds a null, an empty or
/// whitespace-only text, or the same item twice, and no nested object the request declares as required is null. The
/// error names the item as the client wrote it (<c>kbli[0]</c>, <c>location</c>). A validator never sees a list with
/// such an item, so none has to guard against it, and nothing further down (the requirements engine least of all)
/// meets a null where the type says there is none. Requests are records of the features; their nullability annotations say
/// what is optional.
/// </summary>
public static class RequestShape
{
    private static readonly ConcurrentDictionary<Type, Member[]> Plans = new();
    private static readonly string FeatureNamespace = typeof(RequestShape).Namespace![..typeof(RequestShape).Namespace!.IndexOf(".Infrastructure", StringComparison.Ordinal)] + ".Features";

    /// <summary>
    /// The items of lists that are null, empty or repeated (<see cref="Shape.Items"/>), and the required nested objects
    /// that are missing (<see cref="Shape.Missing"/>).
    /// </summary>
    public static Shape Check(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var shape = new Shape([], []);
        Walk(message, string.Empty, shape, depth: 0, partial: false);
        return shape;
    }

    public sealed record Shape(List<ValidationFailure> Items, List<ValidationFailure> Missing);

    private static void Walk(object value, string path, Shape failures, int depth, bool partial)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var member in PlanOf(value.GetType()))
        {
            var name = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            var content = member.Property.GetValue(value);
            if (content is null)
            {
                if (member.Required && !partial && member.Kind != MemberKind.Scalar)
                {
                    failures.Missing.Add(new ValidationFailure(name, Texts.Get("Validation.Shape.Required")));
                }

                continue;
            }

            switch (member.Kind)
            {
                case MemberKind.Nested:
                    Walk(content, name, failures, depth + 1, partial || member.Partial);
                    break;
                case MemberKind.List:
                    CheckItems((IEnumerable)content, member, name, failures, depth, partial || member.Partial);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckItems(IEnumerable items, Member member, string name, Shape failures, int depth, bool partial)
    {
        var seen = new HashSet<object>();
        var index = 0;
        foreach (var item in items)
        {
            var itemName = $"{name}[{index}]";
            var position = index + 1;
            index++;
            if (item is null || (item is string text && string.IsNullOrWhiteSpace(text)))
            {
                failures.Items.Add(new ValidationFailure(itemName, Texts.Format("Validation.Shape.EmptyItem", position)));
                continue;
            }

            if (member.ItemsAreNested)
            {
                Walk(item, itemName, failures, depth + 1, partial);
            }
            else if (!seen.Add(item))
            {
                failures.Items.Add(new ValidationFailure(itemName, Texts.Format("Validation.Shape.RepeatedItem", position)));
            }
        }
    }

    private static Member[] PlanOf(Type type) => Plans.GetOrAdd(type, static type =>
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => new Member(p, nullability.Create(p).ReadState == NullabilityState.NotNull))
            .Where(m => m.Kind != MemberKind.Scalar)
            .ToArray();
    });

    /// <summary>Types of the features' own requests: walked into. Anything else (texts, numbers, files, principals) is a leaf.</summary>
    private static bool IsRequestType(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace is { } ns && ns.StartsWith(FeatureNamespace, StringComparison.Ordinal);

    private static Type? ItemTypeOf(Type type)
    {
        if (type == typeof(string) || type.IsArray && type.GetElementType() == typeof(byte))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var item = enumerable?.GetGenericArguments()[0];
        return item is null || item.IsGenericType && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? null : item;
    }

    /// <summary>
    /// Marks answers that may be incomplete (a draft's answers so far): what they hold is still checked, but nothing
    /// in them is required yet.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
    public sealed class PartialAttribute : Attribute;

    private enum MemberKind
    {
        Scalar,
        Nested,
        List,
    }

    private sealed class Member
    {
        public Member(PropertyInfo property, bool required)
        {
            Property = property;
            Required = required;
            Partial = property.IsDefined(typeof(PartialAttribute), inherit: true)
                || property.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.Name == property.Name && p.IsDefined(typeof(PartialAttribute))) == true;
            Name = property.Name;
            var item = ItemTypeOf(property.PropertyType);
            if (item is not null && (item == typeof(string) || item.IsValueType || IsRequestType(item)))
            {
                Kind = MemberKind.List;
                ItemsAreNested = IsRequestType(item);
            }
            else if (IsRequestType(property.PropertyType))
            {
                Kind = MemberKind.Nested;
            }
        }

        public PropertyInfo Property { get; }

        public bool Required { get; }

        public bool Partial { get; }

        public string Name { get; }

        public MemberKind Kind { get; }

        public bool ItemsAreNested { get; }
    }
}
