using System.Collections;
using System.Diagnostics;
using System.Net.Http.Json;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LicensingPortal.Api.Tests.Observability;

/// <summary>The app with telemetry on and in-memory exporters in place of OTLP.</summary>
public sealed class TelemetryPortal() : Portal(DatabaseProvider.Postgres)
{
    public SharedCollection<Activity> Spans { get; } = new();

    public SharedCollection<MetricSnapshot> Metrics { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(DefaultSettings()) { ["Telemetry:Enabled"] = "true" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
    }
}

/// <summary>A list the exporters add to from any thread.</summary>
public sealed class SharedCollection<T> : ICollection<T>
{
    private readonly List<T> items = [];

    public int Count
    {
        get
        {
            lock (items)
            {
                return items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (items)
        {
            items.Add(item);
        }
    }

    public List<T> Snapshot()
    {
        lock (items)
        {
            return [.. items];
        }
    }

    public void Clear()
    {
        lock (items)
        {
            items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (items)
        {
            return items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TelemetryTests(TelemetryPortal portal) : IClassFixture<TelemetryPortal>
{
    [Fact]
    public async Task OneSubmission_IsOneTrace_FromTheRequestThroughItsUseCaseToItsSql_WithNoPersonalData()
    {
        using var applicant = await portal.ApplicantAsync();
        var business = Builders.SoleProprietor() with { Email = $"jejak-{Guid.NewGuid():N}@example.com" };
        var businessId = await applicant.Client.RegisterBusinessAsync(business);
        var request = Builders.Restaurant(businessId, await applicant.Client.UploadAsync());

        var application = await applicant.Client.SubmitAsync(request);

        Activity? server = null;
        await Eventually.TrueAsync(
            () => (server = portal.Spans.Snapshot().LastOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.TrimEnd('/') == "POST /api/applications")) is not null,
            "the submission's request span is exported: " + string.Join(", ", portal.Spans.Snapshot().Select(s => $"{s.Kind} {s.DisplayName}").Distinct().Take(40)));
        var trace = portal.Spans.Snapshot().Where(s => s.TraceId == server!.TraceId).ToList();
        var useCase = Assert.Single(trace, s => s.DisplayName == "use case SubmitApplication.Command");
        Assert.Equal(server!.SpanId, useCase.ParentSpanId);
        var sql = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(sql);
        Assert.Contains(sql, s => s.ParentSpanId == useCase.SpanId);
        Assert.Contains(sql, s => (s.GetTagItem("db.query.text") ?? s.GetTagItem("db.statement")) is string text && text.Contains("INSERT INTO applications", StringComparison.OrdinalIgnoreCase));

        var personal = new[] { business.Email, business.Owner.Nik!, business.Owner.Name, business.Name, applicant.Email, application.Id.ToString() };
        foreach (var span in trace)
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.False(personal.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)), $"{span.DisplayName} {key} holds personal data");
            }
        }
    }

    [Fact]
    public async Task Decisions_Prechecks_AndWhatWaits_AreCounted()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        await applicant.Client.PostAsJsonAsync("/api/applications/precheck", request, TestJson.Options);
        await applicant.Client.SubmitAsync(request);

        await Eventually.TrueAsync(
            () =>
            {
                portal.Metrics.Clear();
                portal.Factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
                var metrics = portal.Metrics.Snapshot();
                return Sum(metrics, "lp.decisions") >= 1 && Sum(metrics, "lp.prechecks") >= 1
                    && metrics.Any(m => m.Name == "lp.decision.duration") && metrics.Any(m => m.Name == "lp.outbox.backlog") && metrics.Any(m => m.Name == "lp.log.integration_lag");
            },
            "the decision, the pre-check and the backlog gauges are exported");
        var decisions = portal.Metrics.Snapshot().Where(m => m.Name == "lp.decisions").SelectMany(Points).ToList();
        Assert.All(decisions, point => Assert.Contains(point.Tags["outcome"], new[] { "approved", "rejected" }));
    }

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(Points).Sum(p => p.Value);

    private static IEnumerable<(long Value, Dictionary<string, string?> Tags)> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            var tags = new Dictionary<string, string?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value?.ToString();
            }

            yield return (point.GetSumLong(), tags);
        }
    }
}
