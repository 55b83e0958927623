using System.Security.Cryptography;
using System.Text;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Infrastructure.Idempotency;

/// <summary>
/// Makes a creating POST safe to retry. With an Idempotency-Key header, the first request runs and its response
/// (status, content type, location and body bytes) is stored; a repeat with the same key and the same request
/// gets that response byte for byte, also after a restart, and a repeat that arrives while the first is still
/// running waits for it. The same key with a different request is refused with 422. Keys are per account.
/// "The same request" is what it means, not how it was framed: JSON compared with its keys sorted and without
/// whitespace, a multipart form by its fields and each file's name and SHA-256 (a browser or curl retry uses a new
/// boundary). A first request that never finished (its process was killed) holds the key for a lease of
/// <see cref="Lease"/>; after that, a retry takes the key over and runs.
/// </summary>
public sealed class IdempotencyFilter(IServiceScopeFactory scopes, TimeProvider time) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>How long an unfinished first request keeps its key before a retry may take it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

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

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var record = IdempotencyRecord.Begin(userId, key, requestHash, time.GetUtcNow());
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var (replay, takenOver) = await ReplayOrTakeOverAsync(db, userId, key, requestHash, http.RequestAborted);
            if (takenOver is null)
            {
                return replay;
            }

            record = takenOver;
        }

        return await RunAsync(db, record, context, next);
    }

    private static async Task<object?> RunAsync(LicensingDbContext db, IdempotencyRecord record, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            var result = await next(context);
            var (status, contentType, location, body) = await CaptureAsync(http, result);
            if (status >= 500)
            {
                db.IdempotencyRecords.Remove(record);
            }
            else
            {
                record.Complete(status, contentType, location, body);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return new StoredResponse(status, contentType, location, body);
        }
        catch
        {
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
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

    /// <summary>
    /// A repeat of a key already used: 422 for another request, the stored response once the first has finished, else
    /// wait for it; when the first has held the key past its lease (its process died), take the key over.
    /// </summary>
    private async Task<(object? Replay, IdempotencyRecord? TakenOver)> ReplayOrTakeOverAsync(LicensingDbContext db, Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + Wait;
        while (true)
        {
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (existing is not null && existing.RequestHash != requestHash)
            {
                return (new Error(ErrorCodes.IdempotencyKeyReused, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.").ToProblem(), null);
            }

            if (existing is { Completed: true })
            {
                return (new StoredResponse(existing.StatusCode, existing.ContentType, existing.Location, existing.Body), null);
            }

            var now = time.GetUtcNow();
            if (existing is not null && now - existing.CreatedAt > Lease)
            {
                var leaseStart = existing.CreatedAt;
                var claimed = await db.IdempotencyRecords
                    .Where(r => r.Id == existing.Id && !r.Completed && r.CreatedAt == leaseStart)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.CreatedAt, now), cancellationToken);
                if (claimed == 1)
                {
                    return (null, await db.IdempotencyRecords.SingleAsync(r => r.Id == existing.Id, cancellationToken));
                }

                continue;
            }

            if (existing is null)
            {
                // The first request failed and gave the key back: this one runs.
                var record = IdempotencyRecord.Begin(userId, key, requestHash, now);
                db.IdempotencyRecords.Add(record);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return (null, record);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    continue;
                }
            }

            if (now > deadline)
            {
                return (new Error(ErrorCodes.IdempotencyRequestInProgress, StatusCodes.Status409Conflict, "The first request with this Idempotency-Key is still running; retry shortly.").ToProblem(), null);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }
    }

    /// <summary>Runs the endpoint's result into a buffer, so the exact bytes can be stored and sent.</summary>
    private static async Task<(int Status, string? ContentType, string? Location, byte[] Body)> CaptureAsync(HttpContext http, object? result)
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

        return (http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray());
    }

    /// <summary>A stored response, written exactly as it was first sent.</summary>
    private sealed class StoredResponse(int status, string? contentType, string? location, byte[] body) : IResult
    {
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
