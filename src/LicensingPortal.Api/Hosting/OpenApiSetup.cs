using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LicensingPortal.Api.Hosting;

/// <summary>
/// The API's OpenAPI document as clients need it: every schema named after its use case (RegisterBusinessRequest,
/// not a shared "Request"), the bearer scheme declared and required by exactly the operations that need it, and the
/// request examples of seeds/examples.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddLicensingOpenApi(this IServiceCollection services, string contentRoot) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = type => SchemaName(type.Type) ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "LicensingPortal — Kota Kupang";
                document.Info.Description = "Business licensing (Perizinan Berusaha) for Kota Kupang: apply, pre-check, audit, reports. Errors are problem+json with a stable errorCode (docs/errors.md). Texts follow Accept-Language (id, en).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The access token of POST /api/auth/login (an hour; renew with POST /api/auth/refresh).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }

                if (operation.OperationId is { } id && Examples(contentRoot).TryGetValue(id, out var example)
                    && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = example;
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>A type nested in a use case is named with it: RegisterBusiness.Request becomes RegisterBusinessRequest.</summary>
    public static string? SchemaName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType || type.DeclaringType is null || type.DeclaringType.IsGenericType)
        {
            return null;
        }

        return type.DeclaringType.Name + type.Name;
    }

    /// <summary>The request examples of seeds/examples by operation: the walkthrough's bodies.</summary>
    private static Dictionary<string, JsonNode> Examples(string contentRoot)
    {
        var folder = Infrastructure.Rules.PathResolver.Find(Path.Combine("seeds", "examples"), contentRoot);
        var examples = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        void Add(string operation, string file)
        {
            var path = Path.Combine(folder, file);
            if (File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is { } node)
            {
                examples[operation] = node;
            }
        }

        Add("RegisterBusiness", "business.json");
        Add("SubmitApplication", "application-approved.json");
        Add("PrecheckApplication", "application-approved.json");
        return examples;
    }
}
