using System.Security.Claims;
using System.Security.Cryptography;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Me;

/// <summary>
/// Choose the language, e-mail on or off, and an HTTPS webhook address. The in-app inbox always receives
/// everything. A new webhook address gets a new signing secret, shown in that answer only.
/// </summary>
public static class SetPreferences
{
    public sealed record Request(string Language, bool EmailNotifications, string? WebhookUrl);

    public sealed record Command(Guid UserId, string Language, bool EmailNotifications, string? WebhookUrl) : ICommand<Result<PreferencesResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<WebhookOptions> webhooks)
        {
            RuleFor(c => c.Language).Must(Languages.IsKnown).WithMessage(_ => Texts.Get("Validation.Language"));
            RuleFor(c => c.WebhookUrl)
                .MaximumLength(500)
                .Must(url => WebhookSender.Problem(url!.Trim(), webhooks.Value) is null)
                .WithMessage(c => WebhookSender.Problem(c.WebhookUrl!.Trim(), webhooks.Value))
                .When(c => !string.IsNullOrWhiteSpace(c.WebhookUrl));
        }
    }

    public sealed class Handler(LicensingDbContext db) : ICommandHandler<Command, Result<PreferencesResponse>>
    {
        public async ValueTask<Result<PreferencesResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var url = string.IsNullOrWhiteSpace(command.WebhookUrl) ? null : command.WebhookUrl.Trim();
            var account = await db.Users.SingleAsync(u => u.Id == command.UserId, cancellationToken);
            string? newSecret = null;
            if (url != account.WebhookUrl)
            {
                newSecret = url is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                account.WebhookSecret = newSecret;
            }

            account.PreferredLanguage = command.Language;
            account.EmailNotifications = command.EmailNotifications;
            account.WebhookUrl = url;
            return new PreferencesResponse(account.PreferredLanguage, account.EmailNotifications, account.WebhookUrl, newSecret);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/preferences", async Task<Results<Ok<PreferencesResponse>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request.Language, request.EmailNotifications, request.WebhookUrl), cancellationToken)).ToOk())
            .WithName("SetPreferences")
            .WithSummary("Choose your language, e-mail on or off, and a webhook address (the response shows a new signing secret once).");
}
