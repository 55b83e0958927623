using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace LicensingPortal.Api.Tests.Hostile;

/// <summary>
/// With every log category at Trace, the logs of registering, confirming the address (by the API and by the page)
/// and resetting the password hold none of the codes, tokens or passwords involved.
/// </summary>
public sealed partial class LogSecrecyTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task ConfirmationAndResetCodes_NeverReachTheLogs_EvenAtTrace()
    {
        var capture = new CapturingLoggerProvider();
        var settings = Portal.DefaultSettings();
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        await using var app = portal.Create(settings).WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"rahasia-{Guid.NewGuid():N}@example.com";
        const string password = "Sandi-Sangat-Rahasia-2026";
        const string newPassword = "Sandi-Baru-Rahasia-2026";

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/register", new { email, password })).StatusCode);
        var confirmation = await LinkAsync(email, "/akun/konfirmasi?");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(confirmation).Query);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(confirmation).PathAndQuery)).StatusCode);
        await client.GetAsync($"/api/auth/confirmEmail?userId={query["userId"]}&code={Uri.EscapeDataString(query["code"]!)}");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email })).StatusCode);
        var reset = await LinkAsync(email, "/akun/atur-sandi?");
        var resetCode = System.Web.HttpUtility.ParseQueryString(new Uri(reset).Query)["code"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(reset).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/resetPassword", new { email, resetCode, newPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = newPassword })).StatusCode);

        var logs = string.Join('\n', capture.Lines);
        Assert.True(capture.Lines.Count > 50, "the logs were captured at Trace");
        foreach (var secret in new[] { query["code"]!, resetCode, password, newPassword, Uri.EscapeDataString(query["code"]!), Uri.EscapeDataString(resetCode) })
        {
            var leaks = capture.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).Select(l => l.Split(':')[0]).Distinct().ToList();
            Assert.True(leaks.Count == 0, $"Logged by: {string.Join(", ", leaks)}");
        }
    }

    private Task<string> LinkAsync(string email, string path) => Mailbox.LinkAsync(portal.DataDirectory, email, path);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                provider.Lines.Enqueue($"scope {category}: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
