using System.Globalization;
using System.Text.RegularExpressions;
using LicensingPortal.Rules.Documents;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Compilation;

/// <summary>
/// Turns declarative predicate trees (all / any / not over typed comparisons) into delegates.
/// Every fact name, operator and operand type is checked here, at load time; nothing in a rule is ever
/// run as code, and every operator runs in time linear in its input (regular expressions use the
/// non-backtracking engine).
/// </summary>
internal sealed class PredicateCompiler(IReadOnlyDictionary<string, ParameterDefinition> parameters, DomainCheck domain, ICollection<RuleDiagnostic> diagnostics)
{
    private static readonly string[] Comparisons = ["eq", "ne", "lt", "lte", "gt", "gte"];
    private static readonly string[] Operators = [.. Comparisons, "between", "in", "notIn", "matches", "contains", "containsAll", "containsAny", "subsetOf", "isEmpty"];

    public CompiledPredicate Compile(SourceNode node)
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

            var parts = items.Items.Select(Compile).ToArray();
            var tests = parts.Select(p => p.Test).ToArray();
            Func<FactContext, bool> test = isAll
                ? context =>
                {
                    foreach (var t in tests)
                    {
                        if (!t(context))
                        {
                            return false;
                        }
                    }

                    return true;
                }
                : context =>
                {
                    foreach (var t in tests)
                    {
                        if (t(context))
                        {
                            return true;
                        }
                    }

                    return false;
                };
            var joiner = isAll ? " and " : " or ";
            return new CompiledPredicate(test, "(" + string.Join(joiner, parts.Select(p => p.Expected)) + ")", parts.SelectMany(p => p.Reads).Distinct().ToArray());
        }

        if (map.Has("not"))
        {
            if (map.Entries.Count != 1)
            {
                return Fail(map, "'not' must stand alone in its condition");
            }

            var inner = Compile(map["not"]!);
            var innerTest = inner.Test;
            return new CompiledPredicate(context => !innerTest(context), "not " + inner.Expected, inner.Reads);
        }

        if (!map.Has("fact"))
        {
            return Fail(map, "unknown condition: expected all, any, not or fact");
        }

        return CompileComparison(map);
    }

    private CompiledPredicate CompileComparison(MappingNode map)
    {
        var factNode = map["fact"] as ScalarNode;
        var fact = factNode is null ? null : FactCatalog.Find(factNode.Value);
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

        CompiledPredicate? compiled = fact.Type switch
        {
            FactType.Number => CompileNumber(fact, op, operand),
            FactType.Date => CompileDate(fact, op, operand),
            FactType.Text => CompileText(fact, op, operand),
            FactType.Flag => CompileFlag(fact, op, operand),
            FactType.TextSet => CompileSet(fact, op, operand),
            _ => null,
        };

        return compiled ?? Fail(opNode, $"type mismatch: operator '{op}' does not apply to {Describe(fact.Type)} fact '{fact.Name}'");
    }

    private CompiledPredicate? CompileNumber(FactDefinition fact, string op, SourceNode operand)
    {
        var read = fact.Number;
        if (op == "between")
        {
            if (operand is not SequenceNode { Items.Count: 2 } range)
            {
                return Fail(operand, "'between' takes a list of two bounds [low, high]");
            }

            var (low, lowText) = NumberOperand(range.Items[0]);
            var (high, highText) = NumberOperand(range.Items[1]);
            return new CompiledPredicate(c => read(c) >= low(c) && read(c) <= high(c), $"{fact.Name} between {lowText} and {highText}", Reads(fact, range), c => $"{Number(low(c))} – {Number(high(c))}");
        }

        if (op == "in")
        {
            var values = ListOf(operand).Select(n => NumberOperand(n)).ToArray();
            return new CompiledPredicate(c => values.Any(v => v.Read(c) == read(c)), $"{fact.Name} in [{string.Join(", ", values.Select(v => v.Text))}]", Reads(fact, operand), c => string.Join(", ", values.Select(v => Number(v.Read(c)))));
        }

        if (!Comparisons.Contains(op))
        {
            return null;
        }

        var (value, text) = NumberOperand(operand);
        return new CompiledPredicate(Compare(op, read, value), $"{fact.Name} {Symbol(op)} {text}", Reads(fact, operand), c => Number(value(c)));
    }

    private CompiledPredicate? CompileDate(FactDefinition fact, string op, SourceNode operand)
    {
        var read = fact.Date;
        if (op == "between")
        {
            if (operand is not SequenceNode { Items.Count: 2 } range)
            {
                return Fail(operand, "'between' takes a list of two bounds [low, high]");
            }

            var (low, lowText) = DateOperand(range.Items[0]);
            var (high, highText) = DateOperand(range.Items[1]);
            return new CompiledPredicate(c => read(c) >= low(c) && read(c) <= high(c), $"{fact.Name} between {lowText} and {highText}", Reads(fact, range), c => $"{Date(low(c))} – {Date(high(c))}");
        }

        if (!Comparisons.Contains(op))
        {
            return null;
        }

        var (value, text) = DateOperand(operand);
        return new CompiledPredicate(Compare(op, read, value), $"{fact.Name} {Symbol(op)} {text}", Reads(fact, operand), c => Date(value(c)));
    }

    private CompiledPredicate? CompileText(FactDefinition fact, string op, SourceNode operand)
    {
        var read = fact.Text;
        switch (op)
        {
            case "eq" or "ne":
            {
                var (value, text) = TextOperand(fact, operand);
                var equal = op == "eq";
                return new CompiledPredicate(c => string.Equals(read(c), value(c), StringComparison.Ordinal) == equal, $"{fact.Name} {Symbol(op)} {text}", Reads(fact, operand), value);
            }

            case "in" or "notIn":
            {
                var values = Literals(fact, operand);
                var member = op == "in";
                var listed = string.Join(", ", values);
                return new CompiledPredicate(c => values.Contains(read(c)) == member, $"{fact.Name} {(member ? "in" : "not in")} [{listed}]", [fact], _ => listed);
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

                var shape = pattern.Value;
                return new CompiledPredicate(c => regex.IsMatch(read(c)), $"{fact.Name} matches {shape}", [fact], _ => shape);
            }

            default:
                return null;
        }
    }

    private CompiledPredicate? CompileFlag(FactDefinition fact, string op, SourceNode operand)
    {
        if (op is not ("eq" or "ne"))
        {
            return null;
        }

        if (operand is not ScalarNode scalar || !bool.TryParse(scalar.Value, out var expected))
        {
            return Fail(operand, $"type mismatch: '{fact.Name}' is a flag; expected true or false");
        }

        var read = fact.Flag;
        var wanted = op == "eq" ? expected : !expected;
        var shown = wanted ? "true" : "false";
        return new CompiledPredicate(c => read(c) == wanted, $"{fact.Name} = {shown}", [fact], _ => shown);
    }

    private CompiledPredicate? CompileSet(FactDefinition fact, string op, SourceNode operand)
    {
        var read = fact.Set;
        switch (op)
        {
            case "isEmpty":
            {
                if (operand is not ScalarNode scalar || !bool.TryParse(scalar.Value, out var empty))
                {
                    return Fail(operand, "'isEmpty' takes true or false");
                }

                return new CompiledPredicate(c => (read(c).Count == 0) == empty, empty ? $"{fact.Name} is empty" : $"{fact.Name} is not empty", [fact]);
            }

            case "contains":
            {
                var (value, text) = TextOperand(fact, operand);
                return new CompiledPredicate(c => read(c).Contains(value(c)), $"{fact.Name} contains {text}", Reads(fact, operand), value);
            }

            case "containsAll" or "containsAny" or "subsetOf":
            {
                if (operand is MappingNode { } reference && reference.Has("fact"))
                {
                    var other = FactReference(reference, FactType.TextSet);
                    if (other is null)
                    {
                        return Fail(operand, $"'{op}' takes a list of values or a set fact");
                    }

                    Func<FactContext, IReadOnlySet<string>> values = other.Set;
                    return new CompiledPredicate(SetTest(op, read, values), $"{fact.Name} {op} {other.Name}", [fact, other], c => other.Format(c));
                }

                var list = Literals(fact, operand);
                IReadOnlySet<string> constant = list;
                var listedSet = "[" + string.Join(", ", list.Order(StringComparer.Ordinal)) + "]";
                return new CompiledPredicate(SetTest(op, read, _ => constant), $"{fact.Name} {op} {listedSet}", [fact], _ => listedSet);
            }

            default:
                return null;
        }
    }

    private static Func<FactContext, bool> SetTest(string op, Func<FactContext, IReadOnlySet<string>> read, Func<FactContext, IReadOnlySet<string>> values) => op switch
    {
        "containsAll" => c => read(c).IsSupersetOf(values(c)),
        "containsAny" => c => read(c).Overlaps(values(c)),
        _ => c => read(c).IsSubsetOf(values(c)),
    };

    private static Func<FactContext, bool> Compare<T>(string op, Func<FactContext, T> read, Func<FactContext, T> value)
        where T : IComparable<T> => op switch
        {
            "eq" => c => read(c).CompareTo(value(c)) == 0,
            "ne" => c => read(c).CompareTo(value(c)) != 0,
            "lt" => c => read(c).CompareTo(value(c)) < 0,
            "lte" => c => read(c).CompareTo(value(c)) <= 0,
            "gt" => c => read(c).CompareTo(value(c)) > 0,
            _ => c => read(c).CompareTo(value(c)) >= 0,
        };

    private (Func<FactContext, decimal> Read, string Text) NumberOperand(SourceNode node)
    {
        if (node is ScalarNode scalar)
        {
            if (decimal.TryParse(scalar.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                return (_ => number, number.ToString(CultureInfo.InvariantCulture));
            }

            diagnostics.Add(new RuleDiagnostic(node.Location, $"type mismatch: expected a number, found '{scalar.Value}'"));
            return (_ => 0m, "?");
        }

        if (node is MappingNode map && map.Has("param"))
        {
            var name = map["param"]?.ToString() ?? string.Empty;
            if (!parameters.TryGetValue(name, out var parameter))
            {
                diagnostics.Add(new RuleDiagnostic(map["param"]!.Location, $"unknown parameter '{name}'"));
                return (_ => 0m, "?");
            }

            var value = parameter.Value;
            return (_ => value, value.ToString(CultureInfo.InvariantCulture));
        }

        var fact = node is MappingNode reference ? FactReference(reference, FactType.Number) : null;
        if (fact is null)
        {
            diagnostics.Add(new RuleDiagnostic(node.Location, "type mismatch: expected a number, a {param: …} or a number {fact: …}"));
            return (_ => 0m, "?");
        }

        return (fact.Number, fact.Name);
    }

    private (Func<FactContext, DateOnly> Read, string Text) DateOperand(SourceNode node)
    {
        if (node is ScalarNode scalar)
        {
            if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (_ => date, scalar.Value);
            }

            diagnostics.Add(new RuleDiagnostic(node.Location, $"type mismatch: expected a date (yyyy-MM-dd), found '{scalar.Value}'"));
            return (_ => default, "?");
        }

        var map = node as MappingNode;
        var fact = map is null ? null : FactReference(map, FactType.Date, "plusDays", "plusMonths", "plusYears");
        if (fact is null || map is null)
        {
            diagnostics.Add(new RuleDiagnostic(node.Location, "type mismatch: expected a date or a date {fact: …, plusDays: n}"));
            return (_ => default, "?");
        }

        var days = IntegerOf(map, "plusDays");
        var months = IntegerOf(map, "plusMonths");
        var years = IntegerOf(map, "plusYears");
        var read = fact.Date;
        var offset = (days != 0 ? $" + {days} days" : string.Empty) + (months != 0 ? $" + {months} months" : string.Empty) + (years != 0 ? $" + {years} years" : string.Empty);
        return (c => read(c).AddYears(years).AddMonths(months).AddDays(days), fact.Name + offset);
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

    private (Func<FactContext, string> Read, string Text) TextOperand(FactDefinition subject, SourceNode node)
    {
        if (node is ScalarNode scalar)
        {
            CheckDomain(subject, scalar);
            var value = scalar.Value;
            return (_ => value, value);
        }

        var fact = node is MappingNode map ? FactReference(map, FactType.Text) : null;
        if (fact is null)
        {
            diagnostics.Add(new RuleDiagnostic(node.Location, "type mismatch: expected a text or a text {fact: …}"));
            return (_ => string.Empty, "?");
        }

        return (fact.Text, fact.Name);
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

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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

    private CompiledPredicate Fail(SourceNode node, string message)
    {
        diagnostics.Add(new RuleDiagnostic(node.Location, message));
        return new CompiledPredicate(static _ => false, "?", []);
    }
}
