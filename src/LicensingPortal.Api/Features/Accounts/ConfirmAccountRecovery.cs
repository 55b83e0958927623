namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The link e-mailed to a request's new address, opened: the address opens, so the answer will reach it; the request
/// goes to the administrators (their three working days begin), and the account it names hears of it. Within a day of
/// the request; opened again, the same answer; once answered, the link is spent. Nobody signs in here; the page asks
/// for a press of its button first (a mail scanner that opens links sends nothing on).
/// </summary>
public static class ConfirmAccountRecovery
{
    public sealed record Command(string? Code) : ICommand<Result<Response>>;

    /// <summary>Where the answer will go and the last day it is due.</summary>
    public sealed record Response(string SentTo, DateOnly AnswerBy);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(100);
    }

    public static Error LinkInvalid => new(ErrorCodes.ConfirmationInvalid, StatusCodes.Status400BadRequest, "The link is not valid or has expired.", Texts.Get("Recovery.Confirm.Failed"));

    public sealed class Handler(LicensingDbContext db, Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users, AccountMail mail, TimeProvider time) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var hash = StaffInvitation.HashOf(command.Code!.Trim());
            // Two openings at once (a mail app that opens the link twice): the second waits, then reads the first's.
            await db.AccountRecoveries.Where(r => r.ConfirmTokenSha256 == hash).ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, r => r.Status), cancellationToken);
            var recovery = await db.AccountRecoveries.SingleOrDefaultAsync(r => r.ConfirmTokenSha256 == hash, cancellationToken);
            var now = time.GetUtcNow();
            // Only a request within its day, or one waiting already (opened twice): an answered one's link is spent.
            if (recovery is null || !(recovery.MayBeConfirmedAt(now) || recovery.IsWaiting))
            {
                return LinkInvalid;
            }

            var calendar = await db.WorkingCalendarAsync(cancellationToken);
            if (recovery.Status == AccountRecoveryStatus.Unconfirmed)
            {
                // Sent twice before either link was opened, then both opened: the one waiting answers for both (the
                // other is left to expire), and nobody is told twice.
                if (await AccountRecoveries.WaitingTwinAsync(db, users, recovery.Nik, recovery.AccountEmail, recovery.NewEmail, cancellationToken) is { } twin)
                {
                    return new Response(twin.NewEmail, AccountRecoveries.AnswerBy(calendar, twin));
                }

                recovery.Confirm(now);
                if (recovery.AccountId is { } accountId && await users.FindByIdAsync(accountId.ToString()) is { } account)
                {
                    mail.SendRecoveryAsked(recovery, account);
                }
            }

            return new Response(recovery.NewEmail, AccountRecoveries.AnswerBy(calendar, recovery));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/recovery/confirm", async Task<Results<Ok<Response>, ProblemHttpResult>> (string? code, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(code), cancellationToken)).ToOk())
            .WithName("ConfirmAccountRecovery")
            .WithSummary("Send a request for an account back on to the administrators, with the code of the link e-mailed to its new address (within a day): the address is proved to open; the answer is due within three working days.");
}
