using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on the loopback address that receives webhooks: it records every request and answers
/// as the test tells it (fail the first N calls, or be slow).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int failuresLeft;
    private int slowCallsLeft;
    private Held? hold;

    public sealed record Received(string Id, string Event, string Signature, string Body);

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(3);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(
                context.Request.Headers["X-LicensingPortal-Notification-Id"].ToString(),
                context.Request.Headers["X-LicensingPortal-Event"].ToString(),
                context.Request.Headers["X-LicensingPortal-Signature"].ToString(),
                body));
            if (Interlocked.Exchange(ref receiver.hold, null) is { } held)
            {
                held.Arrived.SetResult();
                await held.Answer.Task;
            }

            if (Interlocked.Decrement(ref receiver.slowCallsLeft) >= 0)
            {
                await Task.Delay(receiver.SlowDelay);
            }

            return Interlocked.Decrement(ref receiver.failuresLeft) >= 0 ? Results.StatusCode(503) : Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"{address}/hooks";
        return receiver;
    }

    /// <summary>The next call is processed, says it has arrived, and is answered only when the test says so.</summary>
    public Held HoldNext()
    {
        var held = new Held();
        Volatile.Write(ref hold, held);
        return held;
    }

    public sealed class Held
    {
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The next <paramref name="count"/> calls answer 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    /// <summary>The next <paramref name="count"/> calls are processed but answered only after <see cref="SlowDelay"/>.</summary>
    public void SlowNext(int count) => Interlocked.Exchange(ref slowCallsLeft, count);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
