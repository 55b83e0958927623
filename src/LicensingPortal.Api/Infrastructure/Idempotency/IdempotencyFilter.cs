using System.Security.Cryptography;
using System.Text;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.UseCases;

namespace LicensingPortal.Api.Infrastructure.Idempotency;

/// <summary>
/// Makes a creating POST safe to retry. With an Idempotency-Key header, the endpoint runs, its response (status, content
/// type, location and body bytes) is rendered, and the key is inserted with that response in the one transaction of the
/// request's unit of work, in the same batch as the use case's own changes, on the request's own DbContext and
/// connection: one commit holds the key, the change and the response, or none of them (a process or database that dies
/// before the commit leaves nothing behind, so a retry simply runs). A keyed request costs no round trip more than an
/// unkeyed one: the key's row is one more statement in the batch the use case saves anyway.
/// The key's unique index decides: a repeat that arrives while the first is still running runs too, then waits at its
/// insert on the first's uncommitted key (the unique index) and, once the first has committed, rolls all of its own work
/// back and answers the stored response; a later repeat does the same at once. So a repeat gets the stored response byte
/// for byte, also after a restart. The same key with a different request is refused with 422. Keys are per account.
/// "The same request" is what it means, not how it was framed: JSON compared with its keys sorted and without
/// whitespace, a multipart form by its fields and each file's name and SHA-256 (a browser or curl retry uses a new
/// boundary). A response of 500 or above is not kept: nothing of that request is stored and the key stays free.
/// </summary>
public sealed class IdempotencyFilter(TimeProvider time) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    /// <summary>How often a request runs again when the row its key met was one left unfinished by an earlier design.</summary>
    private const int Attempts = 3;

    /// <summary>
    /// A key given twice is not JSON this service reads (its JSON settings refuse it, so a bound body never has one):
    /// such a body is hashed as sent.
    /// </summary>
    private static readonly System.Text.Json.JsonDocumentOptions NoDuplicateKeys = new() { AllowDuplicateProperties = false };

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
        if (http.Request.HasFormContentType && await AnswerStoredAsync(db, userId, key, requestHash, http.RequestAborted) is { } answered)
        {
            // An upload's file is written outside the transaction (in the folder store), so a repeat of an answered
            // upload is answered before it runs, and writes no second file; a round trip only uploads pay.
            return answered;
        }

        for (var attempt = 1; ; attempt++)
        {
            StoredResponse ran;
            try
            {
                ran = await unitOfWork.RunAsync(
                    async _ =>
                    {
                        var response = await CaptureAsync(http, await next(context));
                        if (response.Status < 500)
                        {
                            // Saved and committed by the unit of work with the use case's changes; a committed repeat's key fails it.
                            db.IdempotencyRecords.Add(IdempotencyRecord.Answered(userId, key, requestHash, time.GetUtcNow(), response.Status, response.ContentType, response.Location, response.Body));
                        }

                        return response;
                    },
                    static response => response.Status < 500,
                    http.RequestAborted);
            }
            catch (Exception exception) when (!http.RequestAborted.IsCancellationRequested && IsFailedSave(exception))
            {
                // Most likely the key, committed by the first request with it; if not, the failure is the use case's own.
                if (await AnswerStoredAsync(db, userId, key, requestHash, http.RequestAborted) is { } stored)
                {
                    return stored;
                }

                if (attempt < Attempts && await RemoveUnfinishedAsync(db, userId, key, http.RequestAborted))
                {
                    continue;
                }

                if (WaitedTooLong(exception))
                {
                    // The database answers (the look-up above ran), but the insert waited out its command timeout: on
                    // the key of a first request with it that is still running, as a rule.
                    return new Error(ErrorCodes.IdempotencyRequestInProgress, StatusCodes.Status409Conflict, "The first request with this Idempotency-Key is still running; retry shortly.").ToProblem();
                }

                throw;
            }

            // A repeat whose own run failed (500 or above) still answers what the first run stored.
            return ran.Status >= 500 && await AnswerStoredAsync(db, userId, key, requestHash, http.RequestAborted) is { } first ? first : ran;
        }
    }

    /// <summary>The stored response of a committed request with this key, or 422 if it was another request; null if none.</summary>
    private static async Task<IResult?> AnswerStoredAsync(LicensingDbContext db, Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.Completed, cancellationToken);
        return existing is null ? null
            : existing.RequestHash == requestHash ? new StoredResponse(existing.StatusCode, existing.ContentType, existing.Location, existing.ResponseBody())
            : new Error(ErrorCodes.IdempotencyKeyReused, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.").ToProblem();
    }

    /// <summary>A save that failed: as EF reports it, or wrapped by Npgsql's execution strategy when it looks transient (a timeout).</summary>
    private static bool IsFailedSave(Exception exception) =>
        exception is DbUpdateException or InvalidOperationException { InnerException: DbUpdateException };

    /// <summary>A command that ran out of time (PostgreSQL) or found the database locked (SQLite).</summary>
    private static bool WaitedTooLong(Exception exception)
    {
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is TimeoutException || (cause is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteErrorCode is 5 or 6))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes a key left in progress by a version that claimed keys in a transaction of their own and never finished.</summary>
    private static async Task<bool> RemoveUnfinishedAsync(LicensingDbContext db, Guid userId, string key, CancellationToken cancellationToken) =>
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && !r.Completed).ExecuteDeleteAsync(cancellationToken) > 0;

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

    /// <summary>A JSON body with its keys sorted and no whitespace; anything else (or JSON that does not parse, or repeats a key) as sent.</summary>
    private static byte[] Canonical(byte[] body, string? contentType)
    {
        if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(body, documentOptions: NoDuplicateKeys);
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
