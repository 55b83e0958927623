using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace LicensingPortal.Api.Infrastructure.Errors;

/// <summary>
/// Makes every failure problem+json with an errorCode: bodies that cannot be read, routing failures (404, 405, 415)
/// and, as a last resort, unexpected exceptions (500, logged, with no internals in the body).
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services) =>
        services
            .AddExceptionHandler<BadRequestExceptionHandler>()
            .AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            {
                context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
                if (!context.ProblemDetails.Extensions.ContainsKey("errorCode"))
                {
                    context.ProblemDetails.Extensions["errorCode"] = context.ProblemDetails.Status switch
                    {
                        StatusCodes.Status400BadRequest when context.ProblemDetails is HttpValidationProblemDetails => ErrorCodes.ValidationFailed,
                        StatusCodes.Status400BadRequest => ErrorCodes.MalformedRequest,
                        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
                        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
                        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
                        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
                        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
                        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
                        StatusCodes.Status414UriTooLong => ErrorCodes.UriTooLong,
                        StatusCodes.Status503ServiceUnavailable => ErrorCodes.ServiceUnavailable,
                        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
                        _ => ErrorCodes.InternalError,
                    };
                }
            });

    /// <summary>Turns an unreadable request body (bad JSON, unknown or mistyped properties) into a 400 that says where.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (DatabaseUnavailable(exception))
            {
                // A restart or failover: nothing of the request was stored; the client retries (with its Idempotency-Key).
                httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status503ServiceUnavailable,
                        Title = "The service is briefly unavailable.",
                        Detail = "The database cannot be reached for the moment. Nothing was stored; try again shortly.",
                        Type = $"https://licensingportal.kupangkota.go.id/errors/{ErrorCodes.ServiceUnavailable}",
                        Extensions = { ["errorCode"] = ErrorCodes.ServiceUnavailable },
                    },
                });
            }

            var (status, code, detail) = exception switch
            {
                BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, Describe(json)),
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The request body is too large."),
                BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } bad => (StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, bad.Message),
                BadHttpRequestException bad => (StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, bad.Message),
                _ => (0, string.Empty, string.Empty),
            };
            if (status == 0)
            {
                return false;
            }

            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = status,
                    Title = status == StatusCodes.Status400BadRequest ? "The request body could not be read." : "The request was refused.",
                    Detail = detail,
                    Type = $"https://licensingportal.kupangkota.go.id/errors/{code}",
                    Extensions = { ["errorCode"] = code },
                },
            });
        }

        private const int RetryAfterSeconds = 5;

        /// <summary>The database cannot be reached (refused, reset, timed out, shutting down), anywhere in the exception's causes.</summary>
        public static bool DatabaseUnavailable(Exception exception)
        {
            for (var cause = exception; cause is not null; cause = cause.InnerException)
            {
                if (cause is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException
                    || (cause is Npgsql.PostgresException postgres && postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300")
                    || (cause is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteErrorCode is 5 or 6))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Describe(JsonException json) =>
            json.Path is { Length: > 0 } path ? $"Invalid JSON at {path}: {FirstLine(json.Message)}" : $"Invalid JSON: {FirstLine(json.Message)}";

        private static string FirstLine(string message) => message.Split('\n')[0].Trim();
    }

    public static void UseStatusCodeProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0)
            {
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode },
                AdditionalMetadata = http.Features.Get<IEndpointFeature>()?.Endpoint?.Metadata,
            });
        });
}
