using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LicensingPortal.Api.Infrastructure.Telemetry;

/// <summary>
/// The service's own traces and metrics (docs/operations.md lists each metric, what it means and what to do when
/// it alarms). Tags name outcomes, channels, kinds and limits only: never a NIK, an e-mail address, a name or an id.
/// Counting costs next to nothing when nobody listens (telemetry off).
/// </summary>
public static class PortalTelemetry
{
    public const string Name = "LicensingPortal";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("lp.decisions", "{decision}", "Applications decided (each submission, renewal or change is decided at once), by outcome and kind.");

    private static readonly Histogram<double> DecisionDuration = Meter.CreateHistogram<double>("lp.decision.duration", "ms", "From a submission's receipt to its decision.");

    private static readonly Counter<long> Prechecks = Meter.CreateCounter<long>("lp.prechecks", "{check}", "Pre-checks answered, by whether the answers would pass.");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("lp.notifications.delivered", "{notification}", "Notifications delivered, by channel.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("lp.notifications.retried", "{notification}", "Failed delivery attempts that will be tried again, by channel.");

    private static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("lp.notifications.dead_lettered", "{notification}", "Notifications given up after their last attempt, by channel.");

    private static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>("lp.rate_limit.refusals", "{request}", "Requests refused by a rate limit, by limit.");

    private static readonly Counter<long> SignInFailures = Meter.CreateCounter<long>("lp.sign_in.failures", "{attempt}", "Refused sign-ins, by reason.");

    public static void Decided(bool approved, string kind, double milliseconds)
    {
        var tags = new TagList { { "outcome", approved ? "approved" : "rejected" }, { "kind", kind } };
        Decisions.Add(1, tags);
        DecisionDuration.Record(milliseconds, tags);
    }

    public static void Prechecked(bool passes) => Prechecks.Add(1, new KeyValuePair<string, object?>("result", passes ? "pass" : "fail"));

    public static void Delivered(string channel) => Deliveries.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void DeliveryFailed(string channel, bool deadLettered) =>
        (deadLettered ? DeadLetters : Retries).Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void RateLimited(string limit) => RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public static void SignInRefused(string reason) => SignInFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
