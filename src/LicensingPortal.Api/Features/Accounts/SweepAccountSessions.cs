namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The nightly job (02:50 WITA) that forgets sessions nobody can use again: ended 30 days ago or more, or unused for
/// 30 days (<see cref="AccountSession.Forgotten"/>; their tokens and cookies ran out long before). Every sign-in is a
/// row, and an integrator that logs in for every call would otherwise leave one behind each time. The staff sign-in
/// history administrators read is kept elsewhere (<see cref="SignInAttempt"/>) and is not touched.
/// </summary>
public static partial class SweepAccountSessions
{
    public const string RecurringJobId = "account-session-sweep";

    /// <summary>18:50 UTC is 02:50 WITA.</summary>
    public const string Cron = "50 18 * * *";

    /// <summary>The number of sessions forgotten.</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed partial class Handler(LicensingDbContext db, TimeProvider time, ILogger<Handler> logger) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var before = time.GetUtcNow() - AccountSession.Forgotten;
            var forgotten = await db.AccountSessions.Where(s => s.EndedAt < before || s.LastSeenAt < before).ExecuteDeleteAsync(cancellationToken);
            if (forgotten > 0)
            {
                Forgot(logger, forgotten);
            }

            return forgotten;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} sessions ended or unused for 30 days.")]
        private static partial void Forgot(ILogger logger, int count);
    }

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
