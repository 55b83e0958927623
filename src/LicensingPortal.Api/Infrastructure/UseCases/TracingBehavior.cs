using LicensingPortal.Api.Infrastructure.Telemetry;

namespace LicensingPortal.Api.Infrastructure.UseCases;

/// <summary>
/// Each use case is a span of its own ("use case SubmitApplication.Command"), between the request's span and its SQL,
/// so a slow submission shows which step took the time. Only the message's type is recorded, never its content.
/// </summary>
public sealed class TracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    private static readonly string SpanName = "use case " + (typeof(TMessage).DeclaringType is { } useCase ? $"{useCase.Name}.{typeof(TMessage).Name}" : typeof(TMessage).Name);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var activity = PortalTelemetry.Source.StartActivity(SpanName);
        var response = await next(message, cancellationToken);
        if (activity is not null && response.Error is { } error)
        {
            activity.SetTag("lp.error_code", error.Code);
        }

        return response;
    }
}
