using FluentValidation;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Rules;
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
        var configuration = builder.Configuration;
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        services.AddSingleton(TimeProvider.System);
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<RulesOptions>(configuration.GetSection(RulesOptions.Section));
        services.AddSingleton(provider =>
            RuleLibraryLoader.Load(provider.GetRequiredService<IOptions<RulesOptions>>().Value, builder.Environment.ContentRootPath));
        services.AddSingleton<RuleSetCatalog>();

        services.AddLicensingDatabase(configuration, storage);
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
        services.AddLicensingHealthChecks();
        return builder;
    }

    public static WebApplication UseLicensingPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodeProblems();

        app.MapOpenApi();
        app.MapScalarApiReference("/scalar");
        app.MapLicensingHealthChecks();

        var api = app.MapGroup("/api");
        var businesses = api.MapGroup("/businesses").WithTags("Businesses");
        RegisterBusiness.Map(businesses);

        var applications = api.MapGroup("/applications").WithTags("Applications");
        SubmitApplication.Map(applications);
        GetApplication.Map(applications);
        return app;
    }
}
