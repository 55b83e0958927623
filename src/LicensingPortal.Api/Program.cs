using LicensingPortal.Api.Cli;
using LicensingPortal.Api.Hosting;
using LicensingPortal.Api.Infrastructure.Rules;
using Microsoft.Extensions.Options;

if (args is ["rules", "check", ..])
{
    return RulesCheckCommand.Run(args[2..], Console.Out);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });

// --role api serves HTTP only; --role worker runs only the job server (and health); by default one process does both.
var role = builder.Configuration["role"] ?? "all";
if (role == "api")
{
    builder.Configuration["Jobs:RunServer"] = "false";
}
else if (role == "worker")
{
    builder.Configuration["Jobs:RunServer"] = "true";
}

builder.AddLicensingPortal();
if (args is ["seed", "demo", ..])
{
    // Demo submissions are dated in the past: every part of the submission reads the same shifted clock.
    builder.Services.AddSingleton<TimeProvider>(new DemoClock());
    builder.Configuration["Permits:PublicBaseUrl"] ??= "http://localhost:5000";
}

var app = builder.Build();

try
{
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    await app.Services.MigrateAndSeedAsync();
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

app.Services.ScheduleRecurringJobs();
app.UseLicensingPortal(workerOnly: role == "worker");
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"LicensingPortal serves {url} (API reference: {url}/scalar, health: {url}/health/ready)");
    }
});

await app.RunAsync();
return 0;

/// <summary>The API host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
