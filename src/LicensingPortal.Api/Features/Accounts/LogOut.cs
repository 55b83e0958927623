using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Signs out on the server: the session ends, so the cookie or bearer token (and the refresh tokens that follow it)
/// stops working at once, wherever a copy of it is.
/// </summary>
public static class LogOut
{
    public sealed record Command(ClaimsPrincipal Account) : ICommand<Result<bool>>;

    public sealed class Handler(Sessions sessions) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            await sessions.EndAsync(command.Account, cancellationToken);
            return true;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/logout", async Task<Results<NoContent, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(user), cancellationToken);
                return result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
            })
            .WithName("LogOut")
            .WithSummary("Sign out: the token and its refresh tokens stop working at once.");
}
