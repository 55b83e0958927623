using LicensingPortal.Api.Features.Accounts;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Catalogue;
using LicensingPortal.Api.Features.Help;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Idempotency;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Storage;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Infrastructure.UseCases;
using LicensingPortal.Api.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Hosting;

/// <summary>Everything the host wires up, in one place, in the order it matters.</summary>
public static class LicensingPortalSetup
{
    public static WebApplicationBuilder AddLicensingPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        BodySizeLimits.ConfigureKestrel(builder);
        RequestGuards.ConfigureKestrel(builder);
        // Whatever the configured levels: the lines that would write a request's address (with an e-mail confirmation or
        // password-reset code in its query) or a handler's arguments never reach the logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Mvc", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        // The CSS and scripts (and their compressed copies) from the build output in every environment, as the
        // published app serves them; without a build manifest (published) this does nothing.
        builder.WebHost.UseStaticWebAssets();

        services.AddSettings<StorageOptions>(StorageOptions.Section);
        services.AddSettings<RulesOptions>(RulesOptions.Section);
        services.AddSettings<EmailOptions>(EmailOptions.Section);
        services.AddSettings<PermitOptions>(PermitOptions.Section);
        services.AddSettings<TransparencyOptions>(TransparencyOptions.Section);
        services.AddSettings<JobsOptions>(JobsOptions.Section);
        services.AddSettings<NotificationOptions>(NotificationOptions.Section);
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        services.AddSettings<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSettings<BootstrapOptions>(BootstrapOptions.Section);
        services.AddSettings<SessionLimitOptions>(SessionLimitOptions.Section);
        services.AddSettings<ServiceContactsOptions>(ServiceContactsOptions.Section);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
            RuleLibraryLoader.Load(provider.GetRequiredService<IOptions<RulesOptions>>().Value, builder.Environment.ContentRootPath));
        services.AddSingleton<RuleSetCatalog>();
        services.AddSingleton(provider =>
            ActivityWords.Load(PathResolver.Find(provider.GetRequiredService<IOptions<RulesOptions>>().Value.SeedsDirectory, builder.Environment.ContentRootPath)));

        services.AddLicensingDatabase(configuration);
        var embedded = StorageOptions.PostgresConnectionString(configuration) is null;
        services.AddLicensingAuth(sharedLimits: !embedded);
        services.AddScoped<AccountSeeder>();
        services.AddHttpContextAccessor();
        services.AddSingleton(provider => PermitSigner.Create(provider.GetRequiredService<IOptions<PermitOptions>>().Value, DataDirectory(provider), embedded));
        services.AddSingleton(provider => CheckpointSigner.Create(provider.GetRequiredService<IOptions<TransparencyOptions>>().Value, DataDirectory(provider), embedded));
        services.AddSingleton(provider => new LocalFolderDocumentStorage(Path.Combine(DataDirectory(provider), "documents")));
        services.AddScoped<IDocumentStorage>(provider => provider.GetRequiredService<IOptions<StorageOptions>>().Value.Documents == DocumentStore.Database
            ? new DatabaseDocumentStorage(provider.GetRequiredService<LicensingDbContext>(), provider.GetRequiredService<LocalFolderDocumentStorage>())
            : provider.GetRequiredService<LocalFolderDocumentStorage>());
        services.AddSingleton<IEmailSender>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>();
            return string.IsNullOrWhiteSpace(email.Value.SmtpHost)
                ? new PickupFolderEmailSender(Path.Combine(DataDirectory(provider), email.Value.PickupDirectory))
                : new SmtpEmailSender(email);
        });
        services.AddScoped<PublicAddress>();
        services.AddScoped<PermitLinks>();
        services.AddScoped<PermitNumbers>();
        services.AddScoped<TransparencyLog>();
        services.AddScoped<LogIntegrator>();
        services.AddSingleton<LogFrontier>();
        services.AddSingleton<LeaderElection>();
        services.AddHostedService<IntegrationLoop>();
        services.AddScoped<ReportCounters>();
        services.AddScoped<LogVerifier>();
        services.AddScoped<AccountMail>();
        services.AddScoped<SignInSteps>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<Features.Accounts.StaffAccounts>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<DecisionRecorder>();
        services.AddSingleton<IdempotencyFilter>();
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = Infrastructure.Storage.UploadedFiles.RequestLimit);
        services.AddLicensingJobs(configuration);

        // Validation runs first, so an invalid request never opens a transaction; every command then runs in its unit of work.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(TracingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.LanguageManager = new ValidationLanguage();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: false);

        // Unreadable bodies throw, so that the problem+json says what was wrong and where (see ProblemDetailsSetup).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.ConfigureHttpJsonOptions(options => Domain.Json.Configure(options.SerializerOptions));
        services.AddApiProblemDetails();
        services.AddLicensingOpenApi(builder.Environment.ContentRootPath);
        services.AddOutputCache(options => options.AddPolicy(ShowPublicStatistics.CachePolicy, policy => policy.Expire(TimeSpan.FromMinutes(5)).SetVaryByQuery("month", "by", "format", "narrow").SetVaryByHeader("Accept-Language")));
        services.AddLicensingHealthChecks();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Pemohon", Policies.ApplicantPages);
            options.Conventions.AuthorizeFolder("/Petugas", Policies.OfficerPages);
            options.Conventions.AuthorizeFolder("/Walikota", Policies.ReportPages);
            options.Conventions.AuthorizeFolder("/Walikota/Banding", Policies.AppealPages);
            options.Conventions.AuthorizeFolder("/Admin", Policies.AdminPages);
            options.Conventions.AuthorizeFolder("/Inspektorat", Policies.InspectorPages);
            // A report of a demand for money counts against the same limit as the API's (per account, or per address; in memory).
            options.Conventions.AddPageApplicationModelConvention("/Lapor/Index", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AuthSetup.ReportLimit)));
            options.Conventions.AddPageApplicationModelConvention("/Lapor/Cek", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AuthSetup.ReportCheckLimit)));
            options.Conventions.AddPageApplicationModelConvention("/Lapor/Tambah", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AuthSetup.ReportCheckLimit)));
            // Posting these forms counts against the same limits as the API calls they stand for.
            foreach (var page in AccountForms)
            {
                options.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AuthSetup.AuthLimit)));
            }

            // A question and an objection sent from their pages count as the API's do, against the account's submissions.
            options.Conventions.AddPageApplicationModelConvention("/Pemohon/Tanya", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AuthSetup.SubmissionLimit)));
            options.Conventions.AddPageApplicationModelConvention("/Pemohon/Permohonan/Keberatan", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AuthSetup.SubmissionLimit)));
            options.Conventions.AddFolderApplicationModelConvention("/Pemohon/Draf", model => model.EndpointMetadata.Add(
                new EnableRateLimitingAttribute(model.ViewEnginePath.EndsWith("/Periksa", StringComparison.Ordinal) ? AuthSetup.SubmissionLimit : AuthSetup.PrecheckLimit)));
            options.Conventions.AddFolderRouteModelConvention("/", model =>
            {
                foreach (var selector in model.Selectors)
                {
                    selector.AttributeRouteModel!.Template = PageRoutes.Kebab(selector.AttributeRouteModel.Template);
                }
            });
        }).AddMvcOptions(options =>
        {
            // A form value that cannot be read (a date, a number, an id) is said in the reader's language.
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => Texts.Get("Form.InvalidValue"));
            messages.SetValueIsInvalidAccessor(_ => Texts.Get("Form.InvalidValue"));
            messages.SetUnknownValueIsInvalidAccessor(_ => Texts.Get("Form.InvalidValue"));
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Texts.Get("Form.InvalidValue"));
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Texts.Get("Form.InvalidValue"));
            messages.SetValueMustBeANumberAccessor(_ => Texts.Get("Form.InvalidValue"));
            messages.SetNonPropertyValueMustBeANumberAccessor(() => Texts.Get("Form.InvalidValue"));
            messages.SetValueMustNotBeNullAccessor(_ => Texts.Get("Form.InvalidValue"));
            messages.SetMissingBindRequiredValueAccessor(_ => Texts.Get("Form.InvalidValue"));
            messages.SetMissingKeyOrValueAccessor(() => Texts.Get("Form.InvalidValue"));
            messages.SetMissingRequestBodyRequiredValueAccessor(() => Texts.Get("Form.InvalidValue"));
        });
        return builder;
    }

    /// <summary>The pages whose forms stand for the account API's calls (and count against its limit).</summary>
    private static readonly string[] AccountForms = ["/Akun/Masuk", "/Akun/MasukKode", "/Akun/Undangan", "/Akun/DuaLangkah", "/Akun/Daftar", "/Akun/KirimUlang", "/Akun/LupaSandi", "/Akun/AturSandi", "/Akun/Keamanan", "/Akun/Pulihkan"];

    public static WebApplication UseLicensingPortal(this WebApplication app, bool workerOnly = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Behind the city's TLS-terminating proxy (on the same host), requests keep their scheme and client address.
        // A proxy elsewhere (the compose file's Caddy, a load balancer in front of several nodes) is trusted only from
        // the networks Proxy:TrustedNetworks names (CIDR, comma-separated); otherwise every client would share its address.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var network in Node.TrustedProxyNetworks(app.Configuration))
        {
            forwarded.KnownIPNetworks.Add(network);
        }

        app.UseForwardedHeaders(forwarded);
        app.UseSecurityHeaders();
        app.UseWhen(PageRoutes.IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodeProblems();
        });
        app.UseWhen(context => !PageRoutes.IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/kesalahan/500");
            pages.UseStatusCodePagesWithReExecute("/kesalahan/{0}");
        });
        app.UseCultures();
        app.UseRequestGuards();
        app.UseRouting();
        app.UseBodySizeLimits();
        app.UseIdempotencyBuffering();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseFormOnlyGuard();
        app.UseRateLimiter();
        app.UseOutputCache();

        app.MapLicensingHealthChecks();
        if (workerOnly)
        {
            return app;
        }

        app.MapApi();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.UseLicensingDashboard();
        return app;
    }

    /// <summary>
    /// Builds every endpoint (request delegates, page action descriptors) now instead of on the first request, so the
    /// JIT and reflection that costs are paid while the database is checked, not by the first callers after a restart.
    /// </summary>
    public static void BuildEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
        {
            _ = source.Endpoints.Count;
        }
    }

    /// <summary>Binds an options class to its section once; the host checks it before it starts and stops with a message naming the wrong setting.</summary>
    private static void AddSettings<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static string DataDirectory(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDirectory();
}
