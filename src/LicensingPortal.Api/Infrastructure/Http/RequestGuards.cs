namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>
/// Refusals Kestrel would otherwise make without a body, and inputs no endpoint should see: an address longer than
/// 8,192 characters (414), and the NUL character in the path, the query string or a form (400; PostgreSQL cannot
/// store it). API callers get problem+json with an errorCode; people get the error page in their language.
/// </summary>
public static class RequestGuards
{
    public const int MaxUrlLength = 8 * 1024;

    /// <summary>Kestrel reads request lines up to 64 KB, so that a long address is answered here, with a body.</summary>
    public static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
    }

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.Value?.Length + request.QueryString.Value?.Length > MaxUrlLength)
            {
                await RefuseAsync(context, StatusCodes.Status414UriTooLong, ErrorCodes.UriTooLong, "The address is too long.", $"At most {MaxUrlLength} characters of path and query string.");
                return;
            }

            if (HasNul(request.Path.Value) || request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul))
                || (request.HasFormContentType && !(request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ?? false)
                    && (await request.ReadFormAsync(context.RequestAborted)).Any(f => HasNul(f.Key) || f.Value.Any(HasNul))))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The request could not be read.", "Text may not contain the NUL character (%00).");
                return;
            }

            await next(context);
        });

    /// <summary>
    /// After routing: an endpoint that reads only a form (an upload) answers a request without one 415
    /// unsupported_media_type, before its parameters are bound (binding a form from such a request throws).
    /// </summary>
    public static IApplicationBuilder UseFormOnlyGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.HasFormContentType
                && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts
                && accepts.ContentTypes.All(t => t.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || t.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
            {
                await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "This endpoint reads a form.", $"Send {string.Join(" or ", accepts.ContentTypes)}.");
                return;
            }

            await next(context);
        });

    private static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    private static async Task RefuseAsync(HttpContext context, int status, string code, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (!Web.PageRoutes.IsApi(context))
        {
            return;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = detail,
                Type = $"https://licensingportal.kupangkota.go.id/errors/{code}",
                Extensions = { ["errorCode"] = code },
            },
        });
    }
}
