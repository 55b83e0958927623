using System.Security.Cryptography;
using System.Text;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Infrastructure.Idempotency;

/// <summary>
/// Makes a creating POST safe to retry. With an Idempotency-Key header, the first request runs and its response
/// (status, content type, location and body bytes) is stored; a repeat with the same key and the same request
/// gets that response byte for byte, also after a restart, and a repeat that arrives while the first is still
/// running waits for it. The same key with a different request is refused with 422. Keys are per account.
/// </summary>
public sealed class IdempotencyFilter(IServiceScopeFactory scopes, TimeProvider time) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

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
            return await ReplayAsync(db, userId, key, requestHash, http.RequestAborted);
        }

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

    /// <summary>The method, path and body, hashed: a key may only be repeated for the very same request.</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var buffer = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task<object> ReplayAsync(LicensingDbContext db, Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + Wait;
        while (true)
        {
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (existing is not null && existing.RequestHash != requestHash)
            {
                return new Error(ErrorCodes.IdempotencyKeyReused, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.").ToProblem();
            }

            if (existing is { Completed: true })
            {
                return new StoredResponse(existing.StatusCode, existing.ContentType, existing.Location, existing.Body);
            }

            if (time.GetUtcNow() > deadline)
            {
                return new Error(ErrorCodes.IdempotencyRequestInProgress, StatusCodes.Status409Conflict, "The first request with this Idempotency-Key is still running; retry shortly.").ToProblem();
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
