using System.Security.Cryptography;
using System.Text;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.UseCases;

namespace LicensingPortal.Api.Infrastructure.Idempotency;

/// <summary>
/// Makes a creating POST safe to retry. With an Idempotency-Key header, the key is claimed, the endpoint runs and its
/// response (status, content type, location and body bytes) is stored, all in the one transaction of the request's unit
/// of work, on the request's own DbContext and connection: one commit holds the key, the change and the response, or
/// none of them (a process or database that dies before the commit leaves nothing behind, so a retry simply runs).
/// A repeat with the same key and the same request gets the stored response byte for byte, also after a restart; a
/// repeat that arrives while the first is still running waits on the key's row (the unique index) and then answers
/// the stored response. The same key with a different request is refused with 422. Keys are per account.
/// "The same request" is what it means, not how it was framed: JSON compared with its keys sorted and without
/// whitespace, a multipart form by its fields and each file's name and SHA-256 (a browser or curl retry uses a new
/// boundary). A response of 500 or above is not kept: nothing of that request is stored and the key stays free.
/// </summary>
public sealed class IdempotencyFilter(TimeProvider time) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    /// <summary>How often a request retries its claim when the first with its key rolled back just as it arrived.</summary>
    private const int Attempts = 5;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString();
        if (key.Length is 0 or > 200 || key.Any(c => c < 0x21 || c > 0x7E))
        {
            return new Error(ErrorCodes.IdempotencyKeyInvalid, StatusCodes.Status400BadRequest, "The Idempotency-Key header must be 1 to 200 visible ASCII characters.").ToProblem();
        }

        var userId = http.User.UserId();
        var requestHash = await HashAsync(http.Request);
        var db = http.RequestServices.GetRequiredService<LicensingDbContext>();
        var unitOfWork = http.RequestServices.GetRequiredService<UnitOfWork>();
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await unitOfWork.RunAsync(
                async cancellationToken =>
                {
                    var record = IdempotencyRecord.Begin(userId, key, requestHash, time.GetUtcNow());
                    db.IdempotencyRecords.Add(record);
                    try
                    {
                        // Waits here while another request holds the key uncommitted; fails once it has committed.
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (DbUpdateException)
                    {
                        return Outcome.Taken;
                    }

                    var response = await CaptureAsync(http, await next(context));
                    if (response.Status < 500)
                    {
                        record.Complete(response.Status, response.ContentType, response.Location, response.Body);
                    }

                    return new Outcome(response);
                },
                static outcome => outcome.Response is { Status: < 500 },
                http.RequestAborted);
            if (outcome.Response is { } ran)
            {
                return ran;
            }

            var existing = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
            if (existing is { Completed: false })
            {
                // Left in progress by a version that claimed keys in a transaction of their own, and never finished.
                await db.IdempotencyRecords.Where(r => r.Id == existing.Id && !r.Completed).ExecuteDeleteAsync(http.RequestAborted);
            }
            else if (existing is not null)
            {
                return existing.RequestHash == requestHash
                    ? new StoredResponse(existing.StatusCode, existing.ContentType, existing.Location, existing.Body)
                    : new Error(ErrorCodes.IdempotencyKeyReused, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.").ToProblem();
            }

            if (attempt == Attempts)
            {
                return new Error(ErrorCodes.IdempotencyRequestInProgress, StatusCodes.Status409Conflict, "The first request with this Idempotency-Key is still running; retry shortly.").ToProblem();
            }
        }
    }

    /// <summary>What one claim ended in: the endpoint's response, or the key taken by a request that committed first.</summary>
    private sealed record Outcome(StoredResponse? Response)
    {
        public static Outcome Taken { get; } = new((StoredResponse?)null);
    }

    /// <summary>The method, path and what the body means, hashed: a key may only be repeated for the very same request.</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        request.Body.Position = 0;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"field {field.Key}={string.Join('\u001f', field.Value.ToArray())}\n"));
            }

            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.FileName, StringComparer.Ordinal))
            {
                await using var content = file.OpenReadStream();
                hash.AppendData(Encoding.UTF8.GetBytes($"file {file.Name} {file.FileName} {Convert.ToHexStringLower(await SHA256.HashDataAsync(content))}\n"));
            }
        }
        else
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            hash.AppendData(Canonical(body.ToArray(), request.ContentType));
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A JSON body with its keys sorted and no whitespace; anything else (or JSON that does not parse) as sent.</summary>
    private static byte[] Canonical(byte[] body, string? contentType)
    {
        if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(body);
            return Encoding.UTF8.GetBytes(Sorted(node)?.ToJsonString() ?? "null");
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }

    private static System.Text.Json.Nodes.JsonNode? Sorted(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => new System.Text.Json.Nodes.JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        System.Text.Json.Nodes.JsonArray array => new System.Text.Json.Nodes.JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>Runs the endpoint's result into a buffer, so the exact bytes can be stored and sent.</summary>
    private static async Task<StoredResponse> CaptureAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            if (result is IResult executable)
            {
                await executable.ExecuteAsync(http);
            }
            else if (result is not null)
            {
                await http.Response.WriteAsJsonAsync(result, result.GetType());
            }
        }
        finally
        {
            http.Response.Body = original;
        }

        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray());
    }

    /// <summary>A stored response, written exactly as it was first sent.</summary>
    private sealed class StoredResponse(int status, string? contentType, string? location, byte[] body) : IResult
    {
        public int Status => status;

        public string? ContentType => contentType;

        public string? Location => location;

        public byte[] Body => body;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body);
        }
    }
}

/// <summary>Lets the idempotency filter read a request body that model binding has already read.</summary>
public static class IdempotencyBuffering
{
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(IdempotencyFilter.Header))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
}
