using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Me;

/// <summary>How one is notified: the language, e-mail on or off, and the webhook address (never its secret).</summary>
public static class GetPreferences
{
    public sealed record Query(Guid UserId) : IQuery<Result<PreferencesResponse>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<PreferencesResponse>>
    {
        public async ValueTask<Result<PreferencesResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == query.UserId, cancellationToken);
            return new PreferencesResponse(account.PreferredLanguage, account.EmailNotifications, account.WebhookUrl, null);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/preferences", async Task<Results<Ok<PreferencesResponse>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("GetPreferences")
            .WithSummary("How you are notified.");
}
