using FluentValidation;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Features.Me;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Features.Transparency;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Idempotency;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Storage;
using LicensingPortal.Api.Infrastructure.Transparency;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace LicensingPortal.Api.Infrastructure.Hosting;

/// <summary>Everything the API host wires up, in one place, in the order it matters.</summary>
public static class LicensingPortalSetup
{
    public static WebApplicationBuilder AddLicensingPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        BodySizeLimits.ConfigureKestrel(builder);
        var configuration = builder.Configuration;
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        services.AddSingleton(TimeProvider.System);
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<RulesOptions>(configuration.GetSection(RulesOptions.Section));
        services.AddSingleton(provider =>
            RuleLibraryLoader.Load(provider.GetRequiredService<IOptions<RulesOptions>>().Value, builder.Environment.ContentRootPath));
        services.AddSingleton<RuleSetCatalog>();

        services.AddLicensingDatabase(configuration, storage);
        services.AddLicensingAuth(configuration);
        services.AddScoped<AccountSeeder>();
        services.AddHttpContextAccessor();
        services.Configure<PermitOptions>(configuration.GetSection(PermitOptions.Section));
        var embedded = StorageOptions.PostgresConnectionString(configuration) is null;
        services.AddSingleton(provider => PermitSigner.Create(provider.GetRequiredService<IOptions<PermitOptions>>().Value, storage.ResolveDataDirectory(), embedded));
        services.AddScoped<PermitNumbers>();
        services.AddScoped<TransparencyLog>();
        services.AddScoped<ReportCounters>();
        services.AddScoped<LogVerifier>();
        services.Configure<TransparencyOptions>(configuration.GetSection(TransparencyOptions.Section));
        services.AddSingleton(provider => CheckpointSigner.Create(provider.GetRequiredService<IOptions<TransparencyOptions>>().Value, storage.ResolveDataDirectory(), embedded));
        services.AddScoped<PermitLinks>();
        services.AddScoped<AccountEmailMessage>();
        services.AddSingleton<IDocumentStorage>(_ => new LocalFolderDocumentStorage(Path.Combine(storage.ResolveDataDirectory(), "documents")));
        services.AddSingleton<IdempotencyFilter>();
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = UploadDocument.MaxBytes + (1024 * 1024));
        services.AddLicensingJobs(configuration);
        services.AddSingleton<IEmailSender>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>();
            return string.IsNullOrWhiteSpace(email.Value.SmtpHost)
                ? new PickupFolderEmailSender(Path.Combine(storage.ResolveDataDirectory(), email.Value.PickupDirectory))
                : new SmtpEmailSender(email);
        });

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: false);

        // Unreadable bodies throw, so that the problem+json says what was wrong and where (see ProblemDetailsSetup).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.ConfigureHttpJsonOptions(options => Json.Configure(options.SerializerOptions));
        services.AddApiProblemDetails();
        services.AddOpenApi();
        services.AddOutputCache(options => options.AddPolicy(PublicStatistics.CachePolicy, policy => policy.Expire(TimeSpan.FromMinutes(5)).SetVaryByQuery("month")));
        services.AddLicensingHealthChecks();
        return builder;
    }

    public static WebApplication UseLicensingPortal(this WebApplication app, bool workerOnly = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodeProblems();
        app.UseRouting();
        app.UseBodySizeLimits();
        app.UseIdempotencyBuffering();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();

        app.MapLicensingHealthChecks();
        if (workerOnly)
        {
            return app;
        }

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();
        app.MapLicensingAuth();

        var api = app.MapGroup("/api");
        var idempotent = app.Services.GetRequiredService<IdempotencyFilter>();

        var businesses = api.MapGroup("/businesses").WithTags("Businesses").RequireAuthorization(Policies.Applicant);
        RegisterBusiness.Map(businesses.MapGroup(string.Empty).AddEndpointFilter(idempotent));
        GetBusiness.Map(businesses);

        var applications = api.MapGroup("/applications").WithTags("Applications").RequireAuthorization(Policies.Applicant);
        SubmitApplication.Map(applications.MapGroup(string.Empty).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent));
        GetApplication.Map(applications);

        var documents = api.MapGroup("/documents").WithTags("Documents").RequireAuthorization(Policies.Applicant);
        UploadDocument.Map(documents.MapGroup(string.Empty).AddEndpointFilter(idempotent));
        GetDocument.Map(documents);

        GetPermits.Map(api.MapGroup("/permits").WithTags("Permits").RequireAuthorization(Policies.Applicant));
        VerifyPermit.Map(api.MapGroup("/verify").WithTags("Public verification"));
        RevokePermit.Map(api.MapGroup("/admin/permits").WithTags("Administration").RequireAuthorization(Policies.Admin));
        TransparencyEndpoints.MapAdmin(api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Admin));
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.Reports);
        Reports.Map(reports);
        Reports.MapOperations(reports);
        PublicStatistics.Map(api.MapGroup("/public").WithTags("Public statistics"));
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Officer);
        AuditDecisions.Map(audit);
        WhatIf.Map(audit);
        TransparencyEndpoints.MapPublic(api.MapGroup("/transparency").WithTags("Transparency log"));
        TransparencyEndpoints.MapApplicantProof(applications);

        var me = api.MapGroup("/me").WithTags("My account").RequireAuthorization(Policies.Applicant);
        Inbox.Map(me);
        Preferences.Map(me);

        DeadLetters.Map(api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Officer));
        app.UseLicensingDashboard();
        return app;
    }
}
