namespace LicensingPortal.Api.Features.Me;

/// <summary>How an account is notified; <paramref name="WebhookSecret"/> only in the answer that set a new webhook address.</summary>
public sealed record PreferencesResponse(string Language, bool EmailNotifications, string? WebhookUrl, string? WebhookSecret);
