using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Hostile;

/// <summary>
/// A property-based fuzzer over the API's own OpenAPI document (CsCheck): every operation, as anonymous and as each
/// role, with hostile route values, query strings and bodies (malformed JSON, nulls, wrong types, huge and negative
/// numbers, extreme dates, deep nesting, long, unicode and control-character strings, path traversal), and deep inside
/// a plausible body: null items in arrays, null nested objects, empty and whitespace-only strings, repeated list
/// items, lists at and past their limits, numbers at the type limits; list query parameters repeated and empty; an
/// upload without a body, with JSON, or with hostile files and fields. No
/// answer is a 5xx; every 4xx is problem+json with an errorCode docs/errors.md lists; the app is healthy afterwards.
/// In <c>dotnet test</c> it runs a fixed seed; with LICENSINGPORTAL_FUZZ_SEEDS=n (and LICENSINGPORTAL_FUZZ_REQUESTS)
/// it runs n random seeds instead, and a failure names its seed (LICENSINGPORTAL_FUZZ_SEED replays one).
/// </summary>
public abstract class FuzzTests(Portal portal, int requests)
{
    /// <summary>The seed of the fixed run in <c>dotnet test</c> (a CsCheck seed string).</summary>
    private const string FixedSeed = "0000000a2bP1";

    private static readonly string[] HostileTexts =
    [
        "", " ", "0", "-1", "2147483648", "-9223372036854775809", "1e309", "NaN", "true", "null", "[]", "{}",
        "00000000-0000-0000-0000-000000000000", "../../../../etc/passwd", "..%2F..%2Fappsettings.json", "/etc/passwd",
        "C:\\Windows\\win.ini", "' OR '1'='1", "\"; DROP TABLE applications; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
        "\u0000", "a\u0000b", "\u0001\u0002\u001f", "\u202Eexe.pdf", "ḁ̸̢̛̳̠̩̜̟", "😀😀😀", "\uD800", "9999-12-31", "0001-01-01", "2026-02-30",
        "12345\n", "\t\r\n", new string('a', 5000), new string('9', 400), "PB-2026-00000001", "5371044107850003",
    ];

    private static readonly string[] MalformedBodies =
    [
        "{", "[1,", "{\"a\":", "nul", "tru", "\"unterminated", "{\"a\":1,}", "{'a':1}", "\u0000", "\uFEFF{}", "",
        string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)),
        string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + string.Concat(Enumerable.Repeat("}", 2000)),
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, JsonValue.Create(-1), JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue), JsonValue.Create(double.MaxValue), JsonValue.Create(0.000001),
        JsonValue.Create("x"), JsonValue.Create(""), JsonValue.Create("\u0000"), JsonValue.Create(new string('z', 10_000)), JsonValue.Create("9999-12-31"),
        JsonValue.Create("0001-01-01"), JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create("../../etc/passwd"),
        JsonValue.Create("00000000-0000-0000-0000-000000000000"), new JsonArray(Enumerable.Range(0, 300).Select(i => (JsonNode?)JsonValue.Create(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))).ToArray()),
    ];

    private static readonly JsonNode?[] NumberLimits =
    [
        JsonValue.Create(int.MaxValue), JsonValue.Create(int.MinValue), JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue),
        JsonValue.Create(decimal.MaxValue), JsonValue.Create(decimal.MinValue), JsonValue.Create(1e300), JsonValue.Create(-0.0), JsonValue.Create(0.0000000000000000000000000001m),
    ];

    private static readonly int[] ListLengths = [0, 1, 20, 21, 50, 51, 200, 201, 1000];

    private enum Deep
    {
        NullItem,
        NullObject,
        EmptyString,
        WhitespaceString,
        RepeatedItem,
        LongList,
        NumberLimit,
    }

    [Fact]
    public async Task HostileRequestsToEveryOperation_AsEveryRole_NeverFault_AndAlwaysSayWhy()
    {
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("LICENSINGPORTAL_FUZZ_SEEDS"), out var count) && count > 0
            ? Enumerable.Range(0, count).Select(_ => new PCG((uint)Random.Shared.Next(1, 1000), (ulong)Random.Shared.NextInt64()).ToString()).ToList()
            : [Environment.GetEnvironmentVariable("LICENSINGPORTAL_FUZZ_SEED") ?? FixedSeed];
        var perSeed = int.TryParse(Environment.GetEnvironmentVariable("LICENSINGPORTAL_FUZZ_REQUESTS"), out var asked) && asked > 0 ? asked : requests;
        foreach (var seed in seeds)
        {
            await FuzzAsync(seed, perSeed);
        }
    }

    private async Task FuzzAsync(string seed, int requestCount)
    {
        var (operations, document) = await ApiSurface.ReadAsync(portal.Factory);
        var identities = new List<HttpClient> { portal.Factory.CreateClient() };
        var accounts = new List<Account?> { null };
        foreach (var role in Roles.All)
        {
            var account = await portal.StaffAsync(role);
            if (role == Roles.Applicant)
            {
                await account.Client.PrepareRestaurantAsync();
            }

            identities.Add(account.Client);
            accounts.Add(account);
        }

        var examples = new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["RegisterBusinessRequest"] = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "seeds", "examples", "business.json")))!,
            ["ApplicationRequest"] = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "seeds", "examples", "application-approved.json")))!,
        };

        var hostileText = Gen.Frequency((3, Gen.OneOf(HostileTexts)), (1, Gen.String[0, 40]));
        var body = Gen.Select(Gen.Int[0, 13], Gen.Int[0, 1000], Gen.Int[0, MalformedBodies.Length - 1], Gen.Int[0, HostileValues.Length - 1]);
        var cases = Gen.Select(Gen.Int[0, operations.Count - 1], Gen.Int[0, identities.Count - 1], hostileText.Array[4], body, Gen.Bool);
        var faults = new List<string>();
        var random = PCG.Parse(seed);

        for (var index = 0; index < requestCount; index++)
        {
            var t = cases.Generate(random, null, out _);
            var ok = await SendAsync(t);
            if (!ok && faults.Count >= 20)
            {
                break;
            }
        }

        Assert.True(faults.Count == 0, $"seed {seed} (replay with LICENSINGPORTAL_FUZZ_SEED={seed}):\n{string.Join('\n', faults.Take(20))}");
        await AssertHealthyAsync();

        async Task<bool> SendAsync((int, int, string[], (int, int, int, int), bool) t)
        {
            var (operationIndex, identity, texts, hostileBody, raw) = t;
            var operation = operations[operationIndex];
            var next = 0;
            string Pick() => texts[next++ % texts.Length];
            var address = operation.Parameters.Where(p => p.In == "path").Aggregate(operation.Path, (path, p) => path.Replace("{" + p.Name + "}", raw ? Pick().Replace("?", "%3F", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal) : Uri.EscapeDataString(Pick()), StringComparison.Ordinal));
            var query = string.Join('&', operation.Parameters.Where(p => p.In == "query").Select(p => p.IsList && raw
                ? $"{p.Name}={Uri.EscapeDataString(Pick())}&{p.Name}=&{p.Name}=%20&{p.Name}={Uri.EscapeDataString(texts[0])}&{p.Name}={Uri.EscapeDataString(texts[0])}"
                : $"{p.Name}={Uri.EscapeDataString(Pick())}"));
            if (address.Contains('\0', StringComparison.Ordinal) || address.Contains("%00", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            HttpRequestMessage request;
            HttpResponseMessage response;
            try
            {
                request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Length == 0 ? address : $"{address}?{query}");
                if (operation.Multipart)
                {
                    // An upload as it should come, and as it should not: no body, JSON, or the fields of a report's evidence.
                    var (mode, _, malformed, _) = hostileBody;
                    request.Content = mode switch
                    {
                        0 => null,
                        1 => new StringContent(MalformedBodies[malformed], Encoding.UTF8, "application/json"),
                        2 or 3 => new MultipartFormDataContent
                        {
                            { new ByteArrayContent(Encoding.UTF8.GetBytes(Pick())), "evidence", Pick() },
                            { new StringContent(Pick()), "number" },
                            { new StringContent(Pick()), "code" },
                            { new StringContent(Pick()), "text" },
                        },
                        _ => Builders.Form(Pick(), Encoding.UTF8.GetBytes(Pick()), Pick(), "application/pdf"),
                    };
                }
                else if (operation.BodySchema is { } schema)
                {
                    var (mode, field, malformed, value) = hostileBody;
                    var text = mode < 2 ? MalformedBodies[malformed]
                        : mode < 7 ? BodyText(schema, field, HostileValues[value], examples, document)
                        : DeepBodyText(schema, (Deep)(mode - 7), field, value, examples, document);
                    request.Content = new StringContent(text, Encoding.UTF8, "application/json");
                }

                response = await identities[identity].SendAsync(request);
            }
            catch (Exception e) when (e is InvalidOperationException or UriFormatException or ArgumentException or FormatException)
            {
                // The client itself cannot send this (an invalid header or address): nothing reached the server.
                return true;
            }

            var defect = (int)response.StatusCode >= 500
                ? $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
                : (int)response.StatusCode >= 400 && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) ? await ApiSurface.ProblemDefectAsync(response) : null;
            if (defect is not null)
            {
                lock (faults)
                {
                    faults.Add($"{operation} as identity {identity}: {request.RequestUri} → {defect}");
                }
            }

            // Signing out (or anything else that ends the sign-in) answered: sign in again, so the identity keeps its role.
            if (accounts[identity] is { } signedOut && (operation.ToString().EndsWith("/api/auth/logout", StringComparison.Ordinal) || response.StatusCode == HttpStatusCode.Unauthorized))
            {
                signedOut.Client.DefaultRequestHeaders.Authorization = new("Bearer", await Accounts.LoginAsync(signedOut.Client, signedOut.Email, signedOut.Password, signedOut.AuthenticatorKey));
            }

            request.Dispose();
            response.Dispose();
            return defect is null;
        }
    }

    private async Task AssertHealthyAsync()
    {
        using var health = portal.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health/ready")).StatusCode);
        using var applicant = await portal.ApplicantAsync();
        var decision = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        Assert.Equal(Api.Domain.Outcomes.Approved, decision.Decision!.Outcome);
    }

    /// <summary>
    /// A plausible body with one node deep inside it changed as an attacker would: an array item made null, a nested
    /// object made null, a text emptied or made whitespace, an item repeated, a list at or past its limits, a number
    /// at the type limits. Where the body has no node of that kind, a top-level field is made null.
    /// </summary>
    private static string DeepBodyText(string schema, Deep mutation, int pick, int variant, Dictionary<string, JsonNode> examples, JsonElement document)
    {
        var root = examples.TryGetValue(schema, out var example) ? example.DeepClone() : JsonNode.Parse(ApiSurface.BaseBody(document, schema).GetRawText())!;
        var nodes = new List<JsonNode>();
        void Collect(JsonNode? node)
        {
            if (node is null)
            {
                return;
            }

            nodes.Add(node);
            foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a.AsEnumerable(), _ => [] })
            {
                Collect(child);
            }
        }

        Collect(root);
        var candidates = nodes.Where(n => mutation switch
        {
            Deep.NullItem or Deep.RepeatedItem or Deep.LongList => n is JsonArray,
            Deep.NullObject => n is JsonObject && n.Parent is not null,
            Deep.EmptyString or Deep.WhitespaceString => n is JsonValue v && v.GetValueKind() == JsonValueKind.String,
            _ => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        }).ToList();
        if (candidates.Count == 0)
        {
            if (root is JsonObject top && top.Count > 0)
            {
                top[top.Select(p => p.Key).ElementAt(pick % top.Count)] = null;
            }

            return root.ToJsonString();
        }

        var target = candidates[pick % candidates.Count];
        switch (mutation)
        {
            case Deep.NullItem:
                var withNull = (JsonArray)target;
                if (withNull.Count == 0 || variant % 2 == 0)
                {
                    withNull.Add(null);
                }
                else
                {
                    withNull[variant % withNull.Count] = null;
                }

                break;
            case Deep.RepeatedItem:
                var repeated = (JsonArray)target;
                repeated.Add(repeated.Count > 0 ? repeated[0]?.DeepClone() : JsonValue.Create("x"));
                repeated.Add(repeated[0]?.DeepClone());
                break;
            case Deep.LongList:
                var list = (JsonArray)target;
                var first = list.Count > 0 ? list[0] : null;
                var length = ListLengths[variant % ListLengths.Length];
                list.Clear();
                for (var i = 0; i < length; i++)
                {
                    list.Add(first switch
                    {
                        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create((56101 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(i),
                        null => JsonValue.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        _ => first.DeepClone(),
                    });
                }

                break;
            default:
                JsonNode? replacement = mutation switch
                {
                    Deep.NullObject => null,
                    Deep.EmptyString => JsonValue.Create(string.Empty),
                    Deep.WhitespaceString => JsonValue.Create(variant % 2 == 0 ? "   " : "\t\r\n "),
                    _ => NumberLimits[variant % NumberLimits.Length]!.DeepClone(),
                };
                switch (target.Parent)
                {
                    case JsonObject parent:
                        parent[target.GetPropertyName()] = replacement;
                        break;
                    case JsonArray array:
                        array[target.GetElementIndex()] = replacement;
                        break;
                    default:
                        break;
                }

                break;
        }

        return root.ToJsonString();
    }

    /// <summary>A plausible body (the walkthrough's example, else one built from the schema) with one field replaced by a hostile value.</summary>
    private static string BodyText(string schema, int field, JsonNode? value, Dictionary<string, JsonNode> examples, JsonElement document)
    {
        var node = examples.TryGetValue(schema, out var example) ? example.DeepClone() : JsonNode.Parse(ApiSurface.BaseBody(document, schema).GetRawText())!;
        if (node is JsonObject obj && obj.Count > 0)
        {
            obj[obj.Select(p => p.Key).ElementAt(field % obj.Count)] = value?.DeepClone();
            if (field % 7 == 0)
            {
                obj["unknownField"] = 1;
            }
        }

        return node.ToJsonString();
    }
}

public sealed class FuzzTestsOnPostgres(PostgresPortal portal) : FuzzTests(portal, 4000), IClassFixture<PostgresPortal>;

public sealed class FuzzTestsOnSqlite(SqlitePortal portal) : FuzzTests(portal, 2000), IClassFixture<SqlitePortal>;
