namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>A file a use case produces (a PDF, a chart, a CSV), for an endpoint to send as a download.</summary>
public sealed record FileDownload(byte[] Content, string ContentType, string FileName);

/// <summary>An uploaded file as a use case gives it back: its content, its type (by its first bytes) and its safe name.</summary>
public sealed record StoredFile(Stream Content, string ContentType, string FileName);

/// <summary>
/// Turns a use case's <see cref="Result{T}"/> into an HTTP answer: the value with the status the endpoint names,
/// or the error as problem+json. Endpoints only map HTTP to a request and its result to HTTP.
/// </summary>
public static class ResultHttp
{
    /// <summary>An uploaded file sent as an attachment under its safe name, or the error.</summary>
    public static Results<FileStreamHttpResult, ProblemHttpResult> ToFile(this Result<StoredFile> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : result.Error!.ToProblem();
    }

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(location);
        return result.Succeeded ? TypedResults.Created(location(result.Value), result.Value) : result.Error!.ToProblem();
    }

    /// <summary>Created, with nothing the caller can read it at (what an anonymous caller made).</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? TypedResults.Created((string?)null, result.Value) : result.Error!.ToProblem();
    }

    public static Results<Accepted<T>, ProblemHttpResult> ToAccepted<T>(this Result<T> result, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(location);
        return result.Succeeded ? TypedResults.Accepted(location(result.Value), result.Value) : result.Error!.ToProblem();
    }

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    public static FileContentHttpResult ToResult(this FileDownload file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>A download: always an attachment, with a file name safe in any header.</summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> ToFile(this Result<FileDownload> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? result.Value.ToResult() : result.Error!.ToProblem();
    }
}
