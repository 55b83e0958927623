namespace LicensingPortal.Api.Infrastructure.UseCases;

/// <summary>
/// Checks the shape of a message (<see cref="RequestShape"/>), then runs its FluentValidation validators, before its
/// handler; a failure is returned as a 400 result. A message with a null, empty or repeated list item is answered
/// without running its validators, which may then rely on every list item being there.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var shape = RequestShape.Check(message);
        var failures = shape.Items;
        foreach (var validator in failures.Count == 0 ? validators : [])
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        // A missing nested object its own validator already named keeps that message.
        failures.AddRange(shape.Missing.Where(missing => !failures.Any(f => ToCamelCase(f.PropertyName) == ToCamelCase(missing.PropertyName))));

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var errors = failures
            .GroupBy(f => ToCamelCase(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        return TResponse.Failure(new Error(
            ErrorCodes.ValidationFailed,
            StatusCodes.Status400BadRequest,
            Error.InvalidTitle,
            string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            errors));
    }

    /// <summary>Field names as the client wrote them: camelCase, without the Request wrapper of commands that carry an HTTP body.</summary>
    private static string ToCamelCase(string path)
    {
        var parts = path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]).ToList();
        if (parts.Count > 1 && parts[0] == "request")
        {
            parts.RemoveAt(0);
        }

        return string.Join('.', parts);
    }
}
