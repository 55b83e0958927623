using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>The signed-in account: its e-mail address, whether it is confirmed, its roles, and whether it signs in in two steps.</summary>
public static class GetAccountInfo
{
    public sealed record Response(string Email, bool IsEmailConfirmed, IReadOnlyList<string> Roles, bool IsTwoFactorEnabled);

    public sealed record Query(Guid UserId) : IQuery<Result<Response>>;

    public sealed class Handler(UserManager<ApplicationUser> users) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(query.UserId.ToString());
            if (user is null)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The account was not found.");
            }

            return new Response(user.Email!, user.EmailConfirmed, [.. await users.GetRolesAsync(user)], user.TwoFactorEnabled);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/manage/info", async Task<Results<Ok<Response>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("GetAccountInfo")
            .WithSummary("Your account: e-mail address, whether it is confirmed, roles, and whether two-step sign-in is on.");
}
