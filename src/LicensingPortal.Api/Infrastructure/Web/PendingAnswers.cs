using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>
/// The answers of a form posted after the sign-in expired, kept through signing in again: encrypted (Data Protection)
/// in a short-lived, HttpOnly cookie with the page they were posted to, then offered back to that page. Files are not
/// kept (a file is chosen again), nor the anti-forgery token (the continue form gets a fresh one).
/// </summary>
public static class PendingAnswers
{
    public const string CookieName = ".LicensingPortal.Jawaban";

    private const string Purpose = "LicensingPortal.PendingAnswers";
    private const int MaxCookieLength = 3800;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Keeps the posted answers of a page request whose sign-in has expired.</summary>
    public static async Task KeepAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || PageRoutes.IsApi(context))
        {
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        var fields = form
            .Where(f => f.Key != "__RequestVerificationToken")
            .SelectMany(f => f.Value.Select(v => new PendingField(f.Key, v ?? string.Empty)))
            .ToList();
        var answers = new Pending(request.PathBase + request.Path + request.QueryString, fields);
        var protectedValue = Protector(context).Protect(JsonSerializer.Serialize(answers), Lifetime);
        if (protectedValue.Length > MaxCookieLength)
        {
            return;
        }

        context.Response.Cookies.Append(CookieName, protectedValue, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>True when answers are kept for this address.</summary>
    public static bool AreKeptFor(HttpContext context, string? address) => Read(context) is { } pending && pending.Address == address;

    /// <summary>The answers kept for this address, removed from the browser; null when there are none (or they expired).</summary>
    public static Pending? Take(HttpContext context, string? address)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pending = Read(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return pending is not null && pending.Address == address ? pending : null;
    }

    private static Pending? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Pending>(Protector(context).Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public sealed record Pending(string Address, IReadOnlyList<PendingField> Fields);

    public sealed record PendingField(string Name, string Value);
}
