using Microsoft.AspNetCore.Http.Metadata;

namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>
/// Request bodies are small unless an endpoint says otherwise (document uploads): 1 MB by default. Kestrel
/// enforces the limit while reading; this check answers a declared oversize body at once, with problem+json,
/// before anything reads it (a page's form: sent on to the error page for a body too large).
/// </summary>
public static class BodySizeLimits
{
    public const long DefaultBytes = 1024 * 1024;

    public static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = DefaultBytes);
    }

    public static IApplicationBuilder UseBodySizeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
            if (context.Request.ContentLength > limit)
            {
                if (!Web.PageRoutes.IsApi(context))
                {
                    // A person's form (files too large): sent on to the error page in their language that says so (its
                    // own request, which reads no body), not JSON.
                    context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    context.Response.Headers.Location = "/kesalahan/413";
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;

                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request body is too large.",
                        Detail = $"{context.Request.ContentLength} bytes; this endpoint accepts at most {limit}.",
                        Extensions = { ["errorCode"] = ErrorCodes.PayloadTooLarge },
                    },
                });
                return;
            }

            await next(context);
        });
}
