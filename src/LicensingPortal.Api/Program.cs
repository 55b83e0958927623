using LicensingPortal.Api.Cli;
using LicensingPortal.Api.Hosting;
using LicensingPortal.Api.Infrastructure.Rules;
using Microsoft.Extensions.Options;

if (args is ["rules", "check", ..])
{
    return RulesCheckCommand.Run(args[2..], Console.Out);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });

// Node:Role: web (pages and API), worker (jobs, log integrator, roll-up) or all (both, the embedded default).
NodeRole role;
try
{
    role = Node.Configure(builder.Configuration);
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"A setting is wrong; the app will not start: {string.Join(" ", ex.Failures)}");
    return 2;
}

builder.Services.AddSingleton(new ThisNode(role));
builder.AddLicensingPortal();
builder.AddLicensingTelemetry(role);
if (args is ["seed", "demo", ..])
{
    // Demo submissions are dated in the past: every part of the submission reads the same shifted clock.
    builder.Services.AddSingleton<TimeProvider>(new DemoClock());
    builder.Configuration["Permits:PublicBaseUrl"] ??= "http://localhost:5000";
}

var app = builder.Build();
var built = StartupClock.Elapsed;
var serving = args is not (["audit", "verify", ..] or ["reports", "rebuild", ..] or ["seed", "demo", ..]);
string phases;

try
{
    app.Services.GetRequiredService<IStartupValidator>().Validate();

    // A node that serves builds its pipeline and endpoints (and its job storage) on another core while the database
    // is checked: a restart after a crash is ready sooner (docs/benchmarks.md). Nothing is served before both end.
    var pipeline = serving ? Task.Run(() =>
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        app.UseLicensingPortal(workerOnly: role == NodeRole.Worker).BuildEndpoints();
        return watch.Elapsed;
    }) : Task.FromResult(TimeSpan.Zero);
    phases = await app.Services.MigrateAndSeedAsync();
    var endpointsBuilt = await pipeline;
    phases += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; beside them, pipeline and endpoints built in {endpointsBuilt.TotalMilliseconds:F0} ms");
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"A setting is wrong; the app will not start: {string.Join(" ", ex.Failures)}");
    return 2;
}
catch (InvalidRuleSetException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

if (args is ["audit", "verify", ..])
{
    return await AuditVerifyCommand.RunAsync(app.Services, Console.Out);
}

if (args is ["reports", "rebuild", ..])
{
    return await ReportsRebuildCommand.RunAsync(app.Services, Console.Out);
}

if (args is ["seed", "demo", ..])
{
    return await SeedDemoCommand.RunAsync(app.Services, args[2..], Console.Out);
}

var migrated = StartupClock.Elapsed;
if (role != NodeRole.Web)
{
    app.Services.ScheduleRecurringJobs();
}

var scheduled = StartupClock.Elapsed;
app.Lifetime.ApplicationStarted.Register(() =>
{
    // Where a start goes (a restart after a crash is measured from the process's start to ready, docs/benchmarks.md).
    var started = StartupClock.Elapsed;
    Console.WriteLine(string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"LicensingPortal started {started.TotalMilliseconds:F0} ms after its process began: host built at {built.TotalMilliseconds:F0} ms, migrations and seeds checked at {migrated.TotalMilliseconds:F0} ms ({phases}), recurring jobs scheduled at {scheduled.TotalMilliseconds:F0} ms, services started at {started.TotalMilliseconds:F0} ms"));
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"LicensingPortal ({role.ToString().ToLowerInvariant()} node) serves {url} (API reference: {url}/scalar, health: {url}/health/ready)");
    }

    if (role != NodeRole.Worker && app.Services.GetRequiredService<IOptions<LicensingPortal.Api.Features.Help.ServiceContactsOptions>>().Value.Placeholders() is { Count: > 0 } placeholders)
    {
        // Applicants call these numbers instead of going to a counter; a deployment that has not set them shows examples.
        Console.WriteLine($"LicensingPortal: the help page shows example contacts until these settings are set to the office's own: {string.Join(", ", placeholders)}");
    }
});

await app.RunAsync();
return 0;

/// <summary>The API host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;

/// <summary>Time since this process began (not since Main), so a start's runtime and JIT time count too.</summary>
internal static class StartupClock
{
    public static TimeSpan Elapsed => DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
}
