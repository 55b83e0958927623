using System.Text.Json;
using LicensingPortal.Api.Hosting;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Hosting;

/// <summary>The OpenAPI document tells generated clients the truth: each body's schema is the type its endpoint binds, and which operations need a token.</summary>
public sealed class OpenApiDocumentTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task EveryOperationsRequestBodySchema_IsTheTypeItsEndpointBinds()
    {
        var document = await DocumentAsync();
        var descriptions = portal.Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();
        var checkedBodies = 0;

        foreach (var description in descriptions.Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true))
        {
            var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
            if (body is null)
            {
                continue;
            }

            var path = "/" + description.RelativePath!.Split('?')[0];
            var operation = document.GetProperty("paths").GetProperty(NormalisedPath(document, path)).GetProperty(description.HttpMethod!.ToLowerInvariant());
            var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
            Assert.Equal($"#/components/schemas/{OpenApiSetup.SchemaName(body.Type) ?? body.Type.Name}", schema);
            checkedBodies++;
        }

        Assert.True(checkedBodies >= 15, $"{checkedBodies} bodies checked");
        var names = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain("Request", names);
        Assert.DoesNotContain("Response", names);
    }

    [Fact]
    public async Task TheBearerScheme_IsDeclared_AndRequiredByExactlyTheOperationsThatNeedAToken()
    {
        var document = await DocumentAsync();
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenApiSetup.BearerScheme).GetProperty("scheme").GetString());
        var descriptions = portal.Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);

        foreach (var description in descriptions)
        {
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var needsToken = !metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any();
            var path = "/" + description.RelativePath!.Split('?')[0];
            var operation = document.GetProperty("paths").GetProperty(NormalisedPath(document, path)).GetProperty(description.HttpMethod!.ToLowerInvariant());
            Assert.True(needsToken == operation.TryGetProperty("security", out _), $"{description.HttpMethod} {path}: needs a token {needsToken}");
        }
    }

    [Fact]
    public async Task SubmissionAndBusinessBodies_CarryTheWalkthroughsExamples()
    {
        var document = await DocumentAsync();
        var example = document.GetProperty("paths").GetProperty("/api/businesses").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.Equal(JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "seeds", "examples", "business.json"))).RootElement.GetProperty("name").GetString(), example.GetProperty("name").GetString());
    }

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await portal.Client.GetStringAsync("/openapi/v1.json")).RootElement;

    /// <summary>ApiExplorer writes route constraints ({id:guid}); the document does not ({id}).</summary>
    private static string NormalisedPath(JsonElement document, string path)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:]+)(:[^}]+)?\}", "{$1}").TrimEnd('/');
        Assert.True(document.GetProperty("paths").TryGetProperty(plain, out _), $"{plain} is in the document");
        return plain;
    }
}
