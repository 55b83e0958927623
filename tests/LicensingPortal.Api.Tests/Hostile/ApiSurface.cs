using System.Text.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Hostile;

/// <summary>One operation of the API as its own OpenAPI document describes it, with the policy its endpoint names.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, string? BodySchema, bool Multipart, string? Policy)
{
    public bool NeedsToken => Policy is not null;

    public override string ToString() => $"{Method} {Path}";
}

public sealed record Parameter(string Name, string In, bool IsList = false);

/// <summary>Reads the API's operations from its OpenAPI document, so that the harness covers a new endpoint without a new test.</summary>
public static partial class ApiSurface
{
    public static async Task<(IReadOnlyList<Operation> Operations, JsonElement Document)> ReadAsync(PortalFactory factory)
    {
        using var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        var policies = factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath is not null)
            .ToDictionary(
                d => $"{d.HttpMethod} /{Constraint().Replace(d.RelativePath!.Split('?')[0], "{$1}").TrimEnd('/')}",
                d => d.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any() ? null : d.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null));
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var parameters = method.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new Parameter(
                        p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var type) && type.TryGetProperty("type", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "array")).ToList()
                    : [];
                string? schema = null;
                var multipart = false;
                if (method.Value.TryGetProperty("requestBody", out var body))
                {
                    var content = body.GetProperty("content");
                    multipart = content.TryGetProperty("multipart/form-data", out _);
                    if (content.TryGetProperty("application/json", out var json) && json.GetProperty("schema").TryGetProperty("$ref", out var reference))
                    {
                        schema = reference.GetString()!.Split('/')[^1];
                    }
                }

                var verb = method.Name.ToUpperInvariant();
                operations.Add(new Operation(verb, path.Name, parameters, schema, multipart, policies.GetValueOrDefault($"{verb} {path.Name}")));
            }
        }

        return (operations, document);
    }

    /// <summary>The roles a policy lets in (none: anyone, signed in or not).</summary>
    public static IReadOnlyList<string> RolesOf(string? policy) => policy switch
    {
        null => [],
        Policies.Applicant => [Roles.Applicant],
        Policies.Officer => [Roles.Officer, Roles.Admin],
        Policies.Reports => [Roles.Mayor, Roles.Admin],
        Policies.Appeals => [Roles.Mayor],
        Policies.Admin => [Roles.Admin],
        Policies.Inspector => [Roles.Inspector],
        Policies.Account => Roles.All,
        _ => throw new InvalidOperationException($"The harness does not know the policy '{policy}'. Add it to ApiSurface.RolesOf."),
    };

    /// <summary>Every errorCode docs/errors.md lists.</summary>
    public static IReadOnlySet<string> DocumentedErrorCodes { get; } =
        ErrorCodeRow().Matches(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "errors.md"))).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>A problem+json answer whose errorCode docs/errors.md lists; the reason when it is not one.</summary>
    public static async Task<string?> ProblemDefectAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{(int)response.StatusCode} without problem+json ({response.Content.Headers.ContentType?.MediaType ?? "no body"})";
        }

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("errorCode", out var code) && DocumentedErrorCodes.Contains(code.GetString()!)
            ? null
            : $"{(int)response.StatusCode} with an errorCode docs/errors.md does not list: {body}";
    }

    /// <summary>A plausible body for a schema: every property filled by its type, two levels deep.</summary>
    public static JsonElement BaseBody(JsonElement document, string schema)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        object? Value(JsonElement definition, int depth)
        {
            if (definition.TryGetProperty("$ref", out var reference))
            {
                return depth > 2 ? new Dictionary<string, object?>() : Value(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), depth + 1);
            }

            // An untyped property ({}) is what the document gives a text: a plain value is the plausible one.
            var type = definition.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null") : t.GetString()) : definition.TryGetProperty("properties", out _) ? "object" : "string";
            return type switch
            {
                "string" => definition.TryGetProperty("enum", out var values) ? values[0].GetString() : definition.TryGetProperty("format", out var format) && format.GetString() == "uuid" ? Guid.NewGuid().ToString() : definition.TryGetProperty("format", out var date) && date.GetString() == "date" ? "2026-11-30" : "x",
                "integer" => 1,
                "number" => 1.5,
                "boolean" => false,
                "array" => definition.TryGetProperty("items", out var items) ? new[] { Value(items, depth + 1) } : Array.Empty<object?>(),
                _ => definition.TryGetProperty("properties", out var properties)
                    ? properties.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value, depth + 1))
                    : new Dictionary<string, object?>(),
            };
        }

        return JsonSerializer.SerializeToElement(Value(schemas.GetProperty(schema), 0));
    }

    [GeneratedRegex(@"\{([^}:]+)(:[^}]+)?\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"^\| `([a-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ErrorCodeRow();
}
