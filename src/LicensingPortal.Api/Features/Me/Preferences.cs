using System.Security.Claims;
using System.Security.Cryptography;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Me;

/// <summary>
/// How an account is notified: its language, e-mail on or off, and an HTTPS webhook address. The in-app inbox
/// always receives everything. A new webhook address gets a new signing secret, shown in that response only.
/// </summary>
public static class Preferences
{
    public sealed record Request(string Language, bool EmailNotifications, string? WebhookUrl);

    public sealed record Response(string Language, bool EmailNotifications, string? WebhookUrl, string? WebhookSecret);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/preferences", async Task<Ok<Response>> (ClaimsPrincipal user, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                var me = user.UserId();
                var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me, cancellationToken);
                return TypedResults.Ok(new Response(account.PreferredLanguage, account.EmailNotifications, account.WebhookUrl, null));
            })
            .WithName("GetPreferences")
            .WithSummary("How you are notified.");

        routes.MapPut("/preferences", async Task<Results<Ok<Response>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, LicensingDbContext db, IOptions<WebhookOptions> webhooks, CancellationToken cancellationToken) =>
            {
                if (request.Language is not ("id" or "en"))
                {
                    return Invalid("language", "Language is 'id' (Bahasa Indonesia) or 'en' (English).");
                }

                var url = string.IsNullOrWhiteSpace(request.WebhookUrl) ? null : request.WebhookUrl.Trim();
                if (url is not null && WebhookSender.Problem(url, webhooks.Value) is { } problem)
                {
                    return Invalid("webhookUrl", problem);
                }

                var me = user.UserId();
                var account = await db.Users.SingleAsync(u => u.Id == me, cancellationToken);
                string? newSecret = null;
                if (url != account.WebhookUrl)
                {
                    newSecret = url is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                    account.WebhookSecret = newSecret;
                }

                account.PreferredLanguage = request.Language;
                account.EmailNotifications = request.EmailNotifications;
                account.WebhookUrl = url;
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(new Response(account.PreferredLanguage, account.EmailNotifications, account.WebhookUrl, newSecret));
            })
            .WithName("SetPreferences")
            .WithSummary("Choose your language, e-mail on or off, and a webhook address (the response shows a new signing secret once).");
    }

    private static ProblemHttpResult Invalid(string field, string message) => Error.Invalid(field, message).ToProblem();
}
