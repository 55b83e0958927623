using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Common;
using Hangfire.Server;
using LicensingPortal.Api.Infrastructure.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LicensingPortal.Api.Hosting;

/// <summary>
/// OpenTelemetry: traces of every request down to its SQL and of every job, the service's metrics (see
/// <see cref="PortalTelemetry"/>) with the runtime's and ASP.NET Core's, and logs, exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> variables itself).
/// Off otherwise: nothing listens, and the counters cost a branch each. <c>Telemetry:Enabled</c> turns it on
/// without an exporter (tests add an in-memory one). Logs carry the trace id either way.
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddLicensingTelemetry(this WebApplicationBuilder builder, NodeRole role)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint) && !builder.Configuration.GetValue<bool>("Telemetry:Enabled"))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService("licensingportal", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}")
                .AddAttributes([new("lp.node.role", role.ToString().ToLowerInvariant())]))
            .WithTracing(tracing => tracing
                .AddSource(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsQuiet(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation())
            .WithLogging();
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.UseOtlpExporter();
        }

        if (role != NodeRole.Web)
        {
            builder.Services.AddHostedService<BacklogGauges>();
        }

        JobSpans.AddOnce();
        return builder;
    }

    /// <summary>Health probes and static files would drown the traces that matter.</summary>
    private static bool IsQuiet(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/css", StringComparison.Ordinal)
        || path.StartsWithSegments("/js", StringComparison.Ordinal) || path.StartsWithSegments("/lib", StringComparison.Ordinal)
        || path.StartsWithSegments("/images", StringComparison.Ordinal) || path.StartsWithSegments("/favicon.ico", StringComparison.Ordinal);

    /// <summary>Each Hangfire job is a span ("job DeliverNotification.Job"), its use cases and SQL beneath it.</summary>
    private sealed class JobSpans : JobFilterAttribute, IServerFilter
    {
        private const string Key = "lp.activity";
        private static int added;

        public static void AddOnce()
        {
            if (Interlocked.Exchange(ref added, 1) == 0)
            {
                Hangfire.GlobalJobFilters.Filters.Add(new JobSpans());
            }
        }

        public void OnPerforming(PerformingContext context)
        {
            var type = context.BackgroundJob.Job.Type;
            var activity = PortalTelemetry.Source.StartActivity($"job {(type.DeclaringType is { } useCase ? $"{useCase.Name}.{type.Name}" : type.Name)}", ActivityKind.Internal);
            if (activity is not null)
            {
                context.Items[Key] = activity;
            }
        }

        public void OnPerformed(PerformedContext context)
        {
            if (context.Items.TryGetValue(Key, out var value) && value is Activity activity)
            {
                if (context.Exception is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, context.Exception.GetType().Name);
                }

                activity.Dispose();
            }
        }
    }

    /// <summary>
    /// What waits: notifications not yet delivered and the oldest one's age; log entries not yet integrated and
    /// the oldest one's age (the integration lag). Read from the database at most every ten seconds, by nodes
    /// that run the background work.
    /// </summary>
    private sealed class BacklogGauges : IHostedService, IDisposable
    {
        private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
        private readonly IServiceScopeFactory scopes;
        private readonly TimeProvider time;
        private readonly Meter meter;
        private readonly Lock gate = new();
        private Sample sample = new(0, 0, 0, 0, DateTimeOffset.MinValue);

        public BacklogGauges(IServiceScopeFactory scopes, TimeProvider time, IMeterFactory meters)
        {
            this.scopes = scopes;
            this.time = time;
            meter = meters.Create(PortalTelemetry.Name);
            meter.CreateObservableGauge("lp.outbox.backlog", () => Read().Backlog, "{notification}", "Notifications committed and not yet delivered or dead-lettered.");
            meter.CreateObservableGauge("lp.outbox.oldest_age", () => Read().OldestSeconds, "s", "Age of the oldest notification waiting for delivery.");
            meter.CreateObservableGauge("lp.log.waiting", () => Read().LogWaiting, "{entry}", "Transparency log entries committed and not yet integrated.");
            meter.CreateObservableGauge("lp.log.integration_lag", () => Read().LogLagSeconds, "s", "Age of the oldest log entry waiting for integration.");
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => meter.Dispose();

        private Sample Read()
        {
            lock (gate)
            {
                var now = time.GetUtcNow();
                if (now - sample.At < Fresh)
                {
                    return sample;
                }

                try
                {
                    using var scope = scopes.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                    var waiting = db.OutboxMessages.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null);
                    var backlog = waiting.Count();
                    var oldest = backlog == 0 ? (DateTimeOffset?)null : waiting.OrderBy(m => m.CreatedAt).Select(m => m.CreatedAt).First();
                    var log = db.TransparencyLog.Where(e => e.Sequence == null);
                    var logWaiting = log.Count();
                    var logOldest = logWaiting == 0 ? (long?)null : log.Min(e => e.OccurredAtMs);
                    sample = new Sample(
                        backlog,
                        oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds),
                        logWaiting,
                        logOldest is null ? 0 : Math.Max(0, (now.ToUnixTimeMilliseconds() - logOldest.Value) / 1000.0),
                        now);
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
                {
                    // The database is away: the last sample stands, and readiness says so.
                }

                return sample;
            }
        }

        private sealed record Sample(long Backlog, double OldestSeconds, long LogWaiting, double LogLagSeconds, DateTimeOffset At);
    }
}
