using System.Diagnostics;
using System.Globalization;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Features.Transparency;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Cli;

/// <summary>
/// `seed demo --applications N [--days D] [--seed S]`: demo applicants register businesses, upload their
/// documents and submit N applications spread over the last D days (365 by default) through the same command
/// the API runs — validation, the requirements engine, permits, the transparency log, the report counters and
/// the inbox. About half of the rejected applications are corrected and resubmitted. Demo applicants have no
/// password and get no e-mail but the few a business must not miss (NoticeKind.AlwaysByEmail, to addresses under
/// .invalid); their notices stay in the in-app inbox.
/// </summary>
public static class SeedDemoCommand
{
    public const string Usage = "usage: seed demo --applications N [--days D] [--seed S]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var applications = Option(args, "--applications", -1);
        var days = Option(args, "--days", 365);
        var seed = Option(args, "--seed", 2025);
        if (applications is < 1 or > 10_000_000 || days is < 1 or > 3650)
        {
            await output.WriteLineAsync(Usage + " (1 ≤ N ≤ 10,000,000; 1 ≤ D ≤ 3650)");
            return 64;
        }

        if (services.GetRequiredService<TimeProvider>() is not DemoClock clock)
        {
            throw new InvalidOperationException("seed demo needs the demo clock registered.");
        }

        var catalog = services.GetRequiredService<RuleSetCatalog>();
        var now = TimeProvider.System.GetUtcNow();
        var rules = catalog.InForceOn(Wita.DateOf(now)) ?? throw new InvalidOperationException("No rule set is in force today.");
        var earliest = catalog.Library.RuleSets.Min(v => v.Definition.EffectiveFrom);
        var span = Math.Min(days, Wita.DateOf(now).DayNumber - earliest.DayNumber);
        var workload = new DemoWorkload(rules.Definition, seed);
        var moments = workload.Moments(applications, now.AddMinutes(-5), span);
        var businesses = await RegisterBusinessesAsync(services, clock, workload, Math.Clamp(applications / 6, 1, 5_000), moments[0].AddDays(-14), seed);

        var watch = Stopwatch.StartNew();
        var approved = 0;
        var submitted = 0;
        var reported = 0;
        foreach (var moment in moments)
        {
            if (submitted >= applications)
            {
                break;
            }

            var business = businesses[workload.Next(businesses.Count)];
            var request = workload.Application(business.Id, business.Request, business.HasNib, business.Documents, Wita.DateOf(moment));
            var result = await SubmitAsync(services, clock, moment, new SubmitApplication.Command(business.OwnerId, request, Language.Indonesian));
            submitted++;
            if (result.Status == ApplicationStatus.Approved)
            {
                approved++;
                business.HasNib |= result.PermitType == PermitTypes.PerizinanBerusaha;
            }
            else if (submitted < applications && workload.Chance(0.5))
            {
                var correction = workload.Application(business.Id, business.Request, business.HasNib, business.Documents, Wita.DateOf(moment), clean: true);
                var resubmitted = await SubmitAsync(services, clock, moment.AddMinutes(20 + workload.Next(600)), new ResubmitApplication.Command(business.OwnerId, result.Id, correction, Language.Indonesian));
                submitted++;
                approved += resubmitted.Status == ApplicationStatus.Approved ? 1 : 0;
                business.HasNib |= resubmitted.Status == ApplicationStatus.Approved;
            }

            if (submitted / 10_000 > reported)
            {
                reported = submitted / 10_000;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seed demo: {submitted:N0}/{applications:N0} applications, {submitted / watch.Elapsed.TotalSeconds:F0}/s"));
            }
        }

        // The log and the counters catch up before the verb ends, whether or not a server is running to do it:
        // `audit verify` and the reports right after see every demo decision in place.
        await using (var scope = services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            while ((await sender.Send(new IntegrateLog.Command())).Value > 0 | (await sender.Send(new RollUpReportCounters.Command())).Value > 0)
            {
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seed demo done: {submitted:N0} applications ({approved:N0} approved, {submitted - approved:N0} rejected) by {businesses.Count:N0} businesses over {span} days, in {watch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private sealed class DemoBusiness(Guid id, Guid ownerId, RegisterBusiness.Request request, IReadOnlyDictionary<string, Guid> documents)
    {
        public Guid Id { get; } = id;

        public Guid OwnerId { get; } = ownerId;

        public RegisterBusiness.Request Request { get; } = request;

        public IReadOnlyDictionary<string, Guid> Documents { get; } = documents;

        public bool HasNib { get; set; }
    }

    private static async Task<ApplicationResponse> SubmitAsync(IServiceProvider services, DemoClock clock, DateTimeOffset moment, ICommand<Result<ApplicationResponse>> command)
    {
        clock.SetNow(moment);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
        return result.Succeeded ? result.Value : throw new InvalidOperationException($"A demo application was refused: {result.Error!.Code} {result.Error.Detail}");
    }

    /// <summary>Demo applicants (no password, in-app notices), each with a business and its documents.</summary>
    private static async Task<List<DemoBusiness>> RegisterBusinessesAsync(IServiceProvider services, DemoClock clock, DemoWorkload workload, int count, DateTimeOffset moment, int seed)
    {
        clock.SetNow(moment);
        var specimen = await File.ReadAllBytesAsync(Path.Combine(PathResolver.Find("seeds", services.GetRequiredService<IHostEnvironment>().ContentRootPath), "examples", "ktp-contoh.pdf"));
        var businesses = new List<DemoBusiness>(count);
        for (var i = 1; i <= count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var email = string.Create(CultureInfo.InvariantCulture, $"pemohon{seed}-{i:D5}@demo.kupang.invalid");
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser { Id = Guid.CreateVersion7(clock.GetUtcNow()), UserName = email, Email = email, EmailConfirmed = true, EmailNotifications = false };
                Ensure(await users.CreateAsync(user), email);
                Ensure(await users.AddToRoleAsync(user, Roles.Applicant), email);
            }

            var request = workload.Business(i);
            var registered = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterBusiness.Command(user.Id, request));
            if (!registered.Succeeded)
            {
                throw new InvalidOperationException($"A demo business was refused: {registered.Error!.Code} {registered.Error.Detail}");
            }

            var documents = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var kind in DemoWorkload.DocumentKindsFor(request))
            {
                using var content = new MemoryStream(specimen, writable: false);
                var uploaded = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new UploadDocument.Command(user.Id, kind, $"{kind}.pdf", specimen.Length, content));
                documents[kind] = uploaded.Succeeded ? uploaded.Value.Id : throw new InvalidOperationException($"A demo document was refused: {uploaded.Error!.Code}");
            }

            businesses.Add(new DemoBusiness(registered.Value.Id, user.Id, request, documents));
        }

        return businesses;
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
            }
        }

        return fallback;
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the demo applicant {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
