namespace LicensingPortal.Api.Infrastructure.UseCases;

/// <summary>
/// The unit of work of every command (API endpoints, pages and background jobs alike): the handler runs inside a
/// <see cref="UnitOfWork"/>. A handler only changes entities, records log entries and raises notices (and asks
/// <see cref="Jobs.AfterCommit"/> for jobs); it never begins, flushes or commits anything itself. A handler returns its
/// expected failures before it changes anything, so what it did change before returning (a failed log-in counting
/// towards a lockout) is kept. A command sent while another unit is open (another command, or a request with an
/// Idempotency-Key, whose key is stored in the same transaction) joins it.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(UnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return unitOfWork.RunAsync(token => next(message, token), static _ => true, cancellationToken);
    }
}
