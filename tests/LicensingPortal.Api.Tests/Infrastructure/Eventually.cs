using System.Diagnostics;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// Waits for a condition that background work makes true, checking often and failing after a deadline: no fixed sleeps.
/// The deadline is measured on the monotonic clock, so a wall-clock step (a machine's clock set right as it wakes) neither
/// cuts a wait short nor stretches it.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < limit, $"Timed out waiting until {because} (after {waited.Elapsed.TotalSeconds:0.0} s)");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), because, timeout);
}
