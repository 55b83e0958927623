using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Signs the account out everywhere else (a shared computer at an internet café, a phone lent to someone): every
/// other session ends on the server, so its cookie or bearer token and the refresh tokens that follow it stop at
/// once. This sign-in goes on. The password stays: whoever knows it can sign in again (<see cref="ChangePassword"/>).
/// </summary>
public static class EndOtherSessions
{
    public sealed record Command(ClaimsPrincipal Account) : ICommand<Result<bool>>;

    public sealed class Handler(Sessions sessions) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            await sessions.EndOthersAsync(command.Account, cancellationToken);
            return true;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/sessions/end-others", async Task<Results<NoContent, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(user), cancellationToken);
                return result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
            })
            .WithName("EndOtherSessions")
            .WithSummary("Sign out everywhere else: every other sign-in of the account (cookies, tokens and their refresh tokens) stops at once; this one goes on.");
}
