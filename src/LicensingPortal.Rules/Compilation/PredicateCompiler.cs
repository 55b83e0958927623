using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using LicensingPortal.Rules.Documents;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Compilation;

/// <summary>
/// Turns declarative predicate trees (all / any / not over typed comparisons) into expression trees. Every fact name, operator and operand type is checked here, at
/// load time; nothing in a rule is ever run as code, and every operator runs in time linear in its input
/// (regular expressions use the non-backtracking engine). The rule set compiles the trees of all its requirements
/// together, once, into one delegate (<see cref="CompiledRuleSet"/>).
/// </summary>
internal sealed class PredicateCompiler(IReadOnlyDictionary<string, ParameterDefinition> parameters, DomainCheck domain, ICollection<RuleDiagnostic> diagnostics)
{
    private static readonly string[] Comparisons = ["eq", "ne", "lt", "lte", "gt", "gte"];
    private static readonly string[] Operators = [.. Comparisons, "between", "in", "notIn", "matches", "contains", "containsAll", "containsAny", "subsetOf", "isEmpty"];
    private static readonly MethodInfo StringEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo RegexIsMatch = typeof(Regex).GetMethod(nameof(Regex.IsMatch), [typeof(string)])!;
    private static readonly MethodInfo SetContains = typeof(IReadOnlySet<string>).GetMethod(nameof(IReadOnlySet<string>.Contains))!;
    private static readonly MethodInfo SetIsSuperset = typeof(IReadOnlySet<string>).GetMethod(nameof(IReadOnlySet<string>.IsSupersetOf))!;
    private static readonly MethodInfo SetIsSubset = typeof(IReadOnlySet<string>).GetMethod(nameof(IReadOnlySet<string>.IsSubsetOf))!;
    private static readonly MethodInfo SetOverlaps = typeof(IReadOnlySet<string>).GetMethod(nameof(IReadOnlySet<string>.Overlaps))!;
    private static readonly PropertyInfo CollectionCount = typeof(IReadOnlyCollection<string>).GetProperty(nameof(IReadOnlyCollection<string>.Count))!;
    private static readonly MethodInfo AddDays = typeof(DateShift).GetMethod(nameof(DateShift.Days))!;
    private static readonly MethodInfo AddMonths = typeof(DateShift).GetMethod(nameof(DateShift.Months))!;
    private static readonly MethodInfo AddYears = typeof(DateShift).GetMethod(nameof(DateShift.Years))!;

    private readonly ParameterExpression context = Expression.Parameter(typeof(FactContext), "facts");

    /// <summary>Translates one condition tree (an appliesWhen or a check) into a single expression.</summary>
    public CompiledPredicate Compile(SourceNode node)
    {
        var tree = Build(node);
        var test = Expression.Lambda<Func<FactContext, bool>>(tree.Body, context);
        if (tree.Bound is null)
        {
            return new CompiledPredicate(test, tree.Expected, tree.Reads);
        }

        if (!new ReadsFacts(context).Find(tree.Bound))
        {
            var fixedBound = Expression.Lambda<Func<string>>(tree.Bound).Compile()();
            return new CompiledPredicate(test, tree.Expected, tree.Reads) { FixedBound = fixedBound };
        }

        return new CompiledPredicate(test, tree.Expected, tree.Reads, Expression.Lambda<Func<FactContext, string>>(tree.Bound, context).Compile());
    }

    private Tree Build(SourceNode node)
    {
        if (node is not MappingNode map)
        {
            return Fail(node, "a condition must be a mapping (all, any, not or fact)");
        }

        if (map.Has("all") || map.Has("any"))
        {
            var isAll = map.Has("all");
            var key = isAll ? "all" : "any";
            if (map.Entries.Count != 1)
            {
                return Fail(map, $"'{key}' must stand alone in its condition");
            }

            if (map[key] is not SequenceNode { Items.Count: > 0 } items)
            {
                return Fail(map[key]!, $"'{key}' takes a non-empty list of conditions");
            }

            var parts = items.Items.Select(Build).ToArray();
            var body = parts.Select(p => p.Body).Aggregate((left, right) => isAll ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
            var joiner = isAll ? " and " : " or ";
            return new Tree(body, "(" + string.Join(joiner, parts.Select(p => p.Expected)) + ")", parts.SelectMany(p => p.Reads).Distinct().ToArray(), null);
        }

        if (map.Has("not"))
        {
            if (map.Entries.Count != 1)
            {
                return Fail(map, "'not' must stand alone in its condition");
            }

            var inner = Build(map["not"]!);
            return new Tree(Expression.Not(inner.Body), "not " + inner.Expected, inner.Reads, null);
        }

        return map.Has("fact") ? BuildComparison(map) : Fail(map, "unknown condition: expected all, any, not or fact");
    }

    private Tree BuildComparison(MappingNode map)
    {
        var fact = map["fact"] is ScalarNode name ? FactCatalog.Find(name.Value) : null;
        if (fact is null)
        {
            return Fail(map["fact"]!, $"unknown fact '{map["fact"]}'");
        }

        var operators = map.Entries.Where(e => e.Key.Value != "fact").ToList();
        if (operators.Count != 1)
        {
            return Fail(map, $"a condition on '{fact.Name}' takes exactly one operator ({string.Join(", ", Operators)})");
        }

        var (opNode, operand) = (operators[0].Key, operators[0].Value);
        var op = opNode.Value;
        if (!Operators.Contains(op))
        {
            return Fail(opNode, $"unknown operator '{op}'");
        }

        var subject = fact.Read(context);
        var tree = fact.Type switch
        {
            FactType.Number => BuildOrdered(fact, subject, op, operand, NumberOperand, Text),
            FactType.Date => BuildOrdered(fact, subject, op, operand, DateOperand, Text),
            FactType.Text => BuildText(fact, subject, op, operand),
            FactType.Flag => BuildFlag(fact, subject, op, operand),
            FactType.TextSet => BuildSet(fact, subject, op, operand),
            _ => null,
        };

        return tree ?? Fail(opNode, $"type mismatch: operator '{op}' does not apply to {Describe(fact.Type)} fact '{fact.Name}'");
    }

    /// <summary>Numbers and dates: comparisons, between, and (numbers) in.</summary>
    private Tree? BuildOrdered(FactDefinition fact, Expression subject, string op, SourceNode operand, Func<SourceNode, Operand> read, Func<Expression, Expression> show)
    {
        if (op == "between")
        {
            if (operand is not SequenceNode { Items.Count: 2 } range)
            {
                return Fail(operand, "'between' takes a list of two bounds [low, high]");
            }

            var (low, high) = (read(range.Items[0]), read(range.Items[1]));
            var body = Expression.AndAlso(Expression.GreaterThanOrEqual(subject, low.Value), Expression.LessThanOrEqual(subject, high.Value));
            return new Tree(body, $"{fact.Name} between {low.Text} and {high.Text}", Reads(fact, range), Concat(show(low.Value), Expression.Constant(" – "), show(high.Value)));
        }

        if (op == "in" && fact.Type == FactType.Number)
        {
            var values = ListOf(operand).Select(read).ToArray();
            var body = values.Select(v => (Expression)Expression.Equal(subject, v.Value)).DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse);
            var listed = string.Join(", ", values.Select(v => v.Text));
            return new Tree(body, $"{fact.Name} in [{listed}]", Reads(fact, operand), Expression.Constant(listed));
        }

        if (!Comparisons.Contains(op))
        {
            return null;
        }

        var value = read(operand);
        Expression comparison = op switch
        {
            "eq" => Expression.Equal(subject, value.Value),
            "ne" => Expression.NotEqual(subject, value.Value),
            "lt" => Expression.LessThan(subject, value.Value),
            "lte" => Expression.LessThanOrEqual(subject, value.Value),
            "gt" => Expression.GreaterThan(subject, value.Value),
            _ => Expression.GreaterThanOrEqual(subject, value.Value),
        };
        return new Tree(comparison, $"{fact.Name} {Symbol(op)} {value.Text}", Reads(fact, operand), show(value.Value));
    }

    private Tree? BuildText(FactDefinition fact, Expression subject, string op, SourceNode operand)
    {
        switch (op)
        {
            case "eq" or "ne":
            {
                var value = TextOperand(fact, operand);
                Expression equal = Expression.Call(StringEquals, subject, value.Value, Expression.Constant(StringComparison.Ordinal));
                return new Tree(op == "eq" ? equal : Expression.Not(equal), $"{fact.Name} {Symbol(op)} {value.Text}", Reads(fact, operand), Shown(operand, value.Value));
            }

            case "in" or "notIn":
            {
                var values = Literals(fact, operand);
                var listed = string.Join(", ", values);
                Expression member = Expression.Call(Expression.Constant(values, typeof(IReadOnlySet<string>)), SetContains, subject);
                return new Tree(op == "in" ? member : Expression.Not(member), $"{fact.Name} {(op == "in" ? "in" : "not in")} [{listed}]", [fact], Expression.Constant(listed));
            }

            case "matches":
            {
                if (operand is not ScalarNode pattern)
                {
                    return Fail(operand, "'matches' takes a regular expression");
                }

                Regex regex;
                try
                {
                    regex = new Regex(pattern.Value, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    return Fail(pattern, $"invalid pattern: {ex.Message}");
                }

                return new Tree(Expression.Call(Expression.Constant(regex), RegexIsMatch, subject), $"{fact.Name} matches {pattern.Value}", [fact], Expression.Constant(pattern.Value));
            }

            default:
                return null;
        }
    }

    private Tree? BuildFlag(FactDefinition fact, Expression subject, string op, SourceNode operand)
    {
        if (op is not ("eq" or "ne"))
        {
            return null;
        }

        if (operand is not ScalarNode scalar || !bool.TryParse(scalar.Value, out var expected))
        {
            return Fail(operand, $"type mismatch: '{fact.Name}' is a flag; expected true or false");
        }

        var wanted = op == "eq" ? expected : !expected;
        var shown = wanted ? "true" : "false";
        return new Tree(Expression.Equal(subject, Expression.Constant(wanted)), $"{fact.Name} = {shown}", [fact], Expression.Constant(shown));
    }

    private Tree? BuildSet(FactDefinition fact, Expression subject, string op, SourceNode operand)
    {
        switch (op)
        {
            case "isEmpty":
            {
                if (operand is not ScalarNode scalar || !bool.TryParse(scalar.Value, out var empty))
                {
                    return Fail(operand, "'isEmpty' takes true or false");
                }

                Expression isEmpty = Expression.Equal(Expression.Property(subject, CollectionCount), Expression.Constant(0));
                return new Tree(empty ? isEmpty : Expression.Not(isEmpty), empty ? $"{fact.Name} is empty" : $"{fact.Name} is not empty", [fact], Expression.Constant(empty ? "[]" : "not empty"));
            }

            case "contains":
            {
                var value = TextOperand(fact, operand);
                return new Tree(Expression.Call(subject, SetContains, value.Value), $"{fact.Name} contains {value.Text}", Reads(fact, operand), Shown(operand, value.Value));
            }

            case "containsAll" or "containsAny" or "subsetOf":
            {
                var method = op switch
                {
                    "containsAll" => SetIsSuperset,
                    "containsAny" => SetOverlaps,
                    _ => SetIsSubset,
                };
                if (operand is MappingNode reference && reference.Has("fact"))
                {
                    var other = FactReference(reference, FactType.TextSet);
                    if (other is null)
                    {
                        return Fail(operand, $"'{op}' takes a list of values or a set fact");
                    }

                    var otherValue = other.Read(context);
                    var show = Expression.Invoke(Expression.Constant((Func<FactContext, string>)other.Format), context);
                    return new Tree(Expression.Call(subject, method, otherValue), $"{fact.Name} {op} {other.Name}", [fact, other], show);
                }

                var values = Literals(fact, operand);
                var listed = "[" + string.Join(", ", values.Order(StringComparer.Ordinal)) + "]";
                return new Tree(Expression.Call(subject, method, Expression.Constant(values, typeof(IEnumerable<string>))), $"{fact.Name} {op} {listed}", [fact], Expression.Constant(listed));
            }

            default:
                return null;
        }
    }

    private Operand NumberOperand(SourceNode node)
    {
        if (node is ScalarNode scalar)
        {
            if (decimal.TryParse(scalar.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                return new Operand(Expression.Constant(number), number.ToString(CultureInfo.InvariantCulture));
            }

            diagnostics.Add(new RuleDiagnostic(node.Location, $"type mismatch: expected a number, found '{scalar.Value}'"));
            return new Operand(Expression.Constant(0m), "?");
        }

        if (node is MappingNode map && map.Has("param"))
        {
            var name = map["param"]?.ToString() ?? string.Empty;
            if (!parameters.TryGetValue(name, out var parameter))
            {
                diagnostics.Add(new RuleDiagnostic(map["param"]!.Location, $"unknown parameter '{name}'"));
                return new Operand(Expression.Constant(0m), "?");
            }

            return new Operand(Expression.Constant(parameter.Value), parameter.Value.ToString(CultureInfo.InvariantCulture));
        }

        var fact = node is MappingNode reference ? FactReference(reference, FactType.Number) : null;
        if (fact is null)
        {
            diagnostics.Add(new RuleDiagnostic(node.Location, "type mismatch: expected a number, a {param: …} or a number {fact: …}"));
            return new Operand(Expression.Constant(0m), "?");
        }

        return new Operand(fact.Read(context), fact.Name);
    }

    private Operand DateOperand(SourceNode node)
    {
        if (node is ScalarNode scalar)
        {
            if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new Operand(Expression.Constant(date), scalar.Value);
            }

            diagnostics.Add(new RuleDiagnostic(node.Location, $"type mismatch: expected a date (yyyy-MM-dd), found '{scalar.Value}'"));
            return new Operand(Expression.Constant(default(DateOnly)), "?");
        }

        var map = node as MappingNode;
        var fact = map is null ? null : FactReference(map, FactType.Date, "plusDays", "plusMonths", "plusYears");
        if (fact is null || map is null)
        {
            diagnostics.Add(new RuleDiagnostic(node.Location, "type mismatch: expected a date or a date {fact: …, plusDays: n}"));
            return new Operand(Expression.Constant(default(DateOnly)), "?");
        }

        var (days, months, years) = (IntegerOf(map, "plusDays"), IntegerOf(map, "plusMonths"), IntegerOf(map, "plusYears"));
        var value = fact.Read(context);
        value = years != 0 ? Expression.Call(AddYears, value, Expression.Constant(years)) : value;
        value = months != 0 ? Expression.Call(AddMonths, value, Expression.Constant(months)) : value;
        value = days != 0 ? Expression.Call(AddDays, value, Expression.Constant(days)) : value;
        var offset = (years != 0 ? $" + {years} years" : string.Empty) + (months != 0 ? $" + {months} months" : string.Empty) + (days != 0 ? $" + {days} days" : string.Empty);
        return new Operand(value, fact.Name + offset);
    }

    private Operand TextOperand(FactDefinition subject, SourceNode node)
    {
        if (node is ScalarNode scalar)
        {
            CheckDomain(subject, scalar);
            return new Operand(Expression.Constant(scalar.Value), scalar.Value);
        }

        var fact = node is MappingNode map ? FactReference(map, FactType.Text) : null;
        if (fact is null)
        {
            diagnostics.Add(new RuleDiagnostic(node.Location, "type mismatch: expected a text or a text {fact: …}"));
            return new Operand(Expression.Constant(string.Empty), "?");
        }

        return new Operand(fact.Read(context), fact.Name);
    }

    private HashSet<string> Literals(FactDefinition fact, SourceNode operand)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ListOf(operand))
        {
            if (item is not ScalarNode scalar)
            {
                diagnostics.Add(new RuleDiagnostic(item.Location, "expected a plain value in the list"));
                continue;
            }

            CheckDomain(fact, scalar);
            values.Add(scalar.Value);
        }

        return values;
    }

    private void CheckDomain(FactDefinition fact, ScalarNode value)
    {
        if (domain.Problem(fact.Name, value.Value) is { } problem)
        {
            diagnostics.Add(new RuleDiagnostic(value.Location, problem));
        }
    }

    private FactDefinition? FactReference(MappingNode map, FactType type, params string[] allowedExtras)
    {
        if (!map.Has("fact"))
        {
            return null;
        }

        foreach (var entry in map.Entries.Where(e => e.Key.Value != "fact" && !allowedExtras.Contains(e.Key.Value)))
        {
            diagnostics.Add(new RuleDiagnostic(entry.Key.Location, $"unknown key '{entry.Key.Value}' in a fact reference"));
        }

        var name = map["fact"]?.ToString() ?? string.Empty;
        var fact = FactCatalog.Find(name);
        if (fact is null)
        {
            diagnostics.Add(new RuleDiagnostic(map["fact"]!.Location, $"unknown fact '{name}'"));
            return null;
        }

        if (fact.Type != type)
        {
            diagnostics.Add(new RuleDiagnostic(map["fact"]!.Location, $"type mismatch: '{name}' is {Describe(fact.Type)}, expected {Describe(type)}"));
            return null;
        }

        return fact;
    }

    private int IntegerOf(MappingNode map, string key)
    {
        if (map[key] is not { } node)
        {
            return 0;
        }

        if (node is ScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        diagnostics.Add(new RuleDiagnostic(node.Location, $"type mismatch: '{key}' takes a whole number"));
        return 0;
    }

    private IReadOnlyList<SourceNode> ListOf(SourceNode node)
    {
        if (node is SequenceNode sequence)
        {
            return sequence.Items;
        }

        diagnostics.Add(new RuleDiagnostic(node.Location, "expected a list of values"));
        return [];
    }

    private static FactDefinition[] Reads(FactDefinition fact, SourceNode operand)
    {
        var reads = new List<FactDefinition> { fact };
        Collect(operand, reads);
        return reads.Distinct().ToArray();

        static void Collect(SourceNode node, List<FactDefinition> into)
        {
            switch (node)
            {
                case MappingNode map when map["fact"] is ScalarNode name && FactCatalog.Find(name.Value) is { } other:
                    into.Add(other);
                    break;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        Collect(item, into);
                    }

                    break;
            }
        }
    }

    private static readonly MethodInfo MaskMethod = typeof(FactDefinition).GetMethod(nameof(FactDefinition.Mask))!;

    /// <summary>A text bound as traces may show it: another fact's value is masked when that fact is personal.</summary>
    private static Expression Shown(SourceNode operand, Expression value) =>
        operand is MappingNode map && map["fact"] is ScalarNode name && FactCatalog.Find(name.Value) is { Sensitive: true }
            ? Expression.Call(MaskMethod, value)
            : value;

    /// <summary>Renders a number or date bound the way traces show values (invariant culture, yyyy-MM-dd).</summary>
    private static Expression Text(Expression value) => value.Type == typeof(DateOnly)
        ? Expression.Call(typeof(FactDefinition).GetMethod(nameof(FactDefinition.FormatDate))!, value)
        : Expression.Call(typeof(FactDefinition).GetMethod(nameof(FactDefinition.FormatNumber))!, value);

    private static MethodCallExpression Concat(params Expression[] parts) =>
        Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!, parts);

    private static string Symbol(string op) => op switch
    {
        "eq" => "=",
        "ne" => "≠",
        "lt" => "<",
        "lte" => "≤",
        "gt" => ">",
        _ => "≥",
    };

    private static string Describe(FactType type) => type switch
    {
        FactType.Number => "a number",
        FactType.Text => "a text",
        FactType.Date => "a date",
        FactType.Flag => "a flag",
        _ => "a set",
    };

    private Tree Fail(SourceNode node, string message)
    {
        diagnostics.Add(new RuleDiagnostic(node.Location, message));
        return new Tree(Expression.Constant(false), "?", [], null);
    }

    /// <summary>Whether an expression reads the facts, or only constants (then it can be evaluated once).</summary>
    private sealed class ReadsFacts(ParameterExpression facts) : ExpressionVisitor
    {
        private bool found;

        public bool Find(Expression expression)
        {
            Visit(expression);
            return found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            found |= node == facts;
            return node;
        }
    }

    /// <summary>A condition as an expression tree: its body, how it reads to people, the facts it reads and the bound it compares against.</summary>
    private sealed record Tree(Expression Body, string Expected, IReadOnlyList<FactDefinition> Reads, Expression? Bound);

    private sealed record Operand(Expression Value, string Text);
}
