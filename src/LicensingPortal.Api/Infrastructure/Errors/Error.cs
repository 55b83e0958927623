namespace LicensingPortal.Api.Infrastructure.Errors;

/// <summary>An expected failure: a stable code (see <see cref="ErrorCodes"/>), the HTTP status it maps to and a human text.</summary>
public sealed record Error(string Code, int Status, string Title, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Error NotFound(string code, string title) => new(code, StatusCodes.Status404NotFound, title);

    /// <summary>A validation failure of one field, in the same shape the validation pipeline answers with.</summary>
    public static Error Invalid(string field, string message) =>
        new(ErrorCodes.ValidationFailed, StatusCodes.Status400BadRequest, InvalidTitle, message, new Dictionary<string, string[]> { [field] = [message] });

    public const string InvalidTitle = "The request has invalid fields.";
}

/// <summary>The result of a command or query: a value or an <see cref="Error"/>. Expected failures are returned, not thrown.</summary>
public sealed class Result<T> : IFailable<Result<T>>
{
    private readonly T? value;

    private Result(T value) => this.value = value;

    private Result(Error error) => Error = error;

    public Error? Error { get; }

    public bool Succeeded => Error is null;

    public T Value => Succeeded ? value! : throw new InvalidOperationException($"No value: the result failed with {Error!.Code}.");

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);

    public static Result<T> Failure(Error error) => new(error);
}

/// <summary>
/// What the pipeline behaviours need of any result without knowing its value type: whether it failed, and how to
/// make a failed one (validation answers every request this way).
/// </summary>
public interface IFailable<out TSelf>
    where TSelf : IFailable<TSelf>
{
    Error? Error { get; }

    static abstract TSelf Failure(Error error);
}
