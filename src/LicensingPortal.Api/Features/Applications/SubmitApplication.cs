using System.Globalization;
using System.Text.Json;
using FluentValidation;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Submit an application: validate it, let the requirements engine decide under the rule set in force today,
/// and store the application, its decision and the notification in one transaction.
/// </summary>
public static class SubmitApplication
{
    public const string PerizinanBerusaha = "PB";
    public const string PbUmku = "PB-UMKU";

    public sealed record Request(
        Guid BusinessId,
        string PermitType,
        IReadOnlyList<string> Kbli,
        LocationRequest Location,
        decimal LandAreaM2,
        decimal BuildingAreaM2,
        InvestmentRequest Investment,
        int Employees,
        DateOnly? PlannedStartDate,
        IReadOnlyList<string>? Declarations,
        string? EnvironmentalDocument,
        string? BuildingApprovalNumber);

    public sealed record LocationRequest(string Kelurahan, string Address, decimal? Latitude, decimal? Longitude, IReadOnlyList<CoordinateRequest>? Polygon = null);

    public sealed record CoordinateRequest(decimal Latitude, decimal Longitude);

    public sealed record InvestmentRequest(long Land, long Buildings, long Machinery, long WorkingCapital);

    public sealed record Command(Request Request, Language Language) : ICommand<Result<ApplicationResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Request).NotNull().SetValidator(new RequestValidator());
        }
    }

    public sealed class RequestValidator : AbstractValidator<Request>
    {
        public RequestValidator()
        {
            RuleFor(r => r.BusinessId).NotEmpty();
            RuleFor(r => r.PermitType).NotEmpty().Must(t => t is PerizinanBerusaha or PbUmku)
                .WithMessage($"permitType must be {PerizinanBerusaha} (Perizinan Berusaha) or {PbUmku} (supporting licence).");
            RuleFor(r => r.Kbli).NotEmpty().Must(k => k.Count <= 20).WithMessage("At most 20 KBLI codes per application.");
            RuleForEach(r => r.Kbli).Matches("^[0-9]{5}$").WithMessage("A KBLI 2020 code has five digits.");
            RuleFor(r => r.Kbli).Must(k => k.Distinct().Count() == k.Count).When(r => r.Kbli is not null).WithMessage("KBLI codes must not repeat.");
            RuleFor(r => r.Location).NotNull();
            RuleFor(r => r.Location.Kelurahan).NotEmpty().MaximumLength(100).When(r => r.Location is not null);
            RuleFor(r => r.Location.Address).NotEmpty().MaximumLength(500).When(r => r.Location is not null);
            RuleFor(r => r.Location.Latitude).InclusiveBetween(-90m, 90m).When(r => r.Location is not null);
            RuleFor(r => r.Location.Longitude).InclusiveBetween(-180m, 180m).When(r => r.Location is not null);
            RuleFor(r => r.Location.Polygon).Must(p => p!.Count <= 200).WithMessage("A polygon has at most 200 points.").When(r => r.Location?.Polygon is not null);
            RuleForEach(r => r.Location.Polygon).ChildRules(point =>
            {
                point.RuleFor(p => p.Latitude).InclusiveBetween(-90m, 90m);
                point.RuleFor(p => p.Longitude).InclusiveBetween(-180m, 180m);
            }).When(r => r.Location?.Polygon is not null);
            RuleFor(r => r.LandAreaM2).InclusiveBetween(0m, 100_000_000m);
            RuleFor(r => r.BuildingAreaM2).InclusiveBetween(0m, 100_000_000m);
            RuleFor(r => r.Investment).NotNull();
            RuleFor(r => r.Investment.Land).GreaterThanOrEqualTo(0).When(r => r.Investment is not null);
            RuleFor(r => r.Investment.Buildings).GreaterThanOrEqualTo(0).When(r => r.Investment is not null);
            RuleFor(r => r.Investment.Machinery).GreaterThanOrEqualTo(0).When(r => r.Investment is not null);
            RuleFor(r => r.Investment.WorkingCapital).GreaterThanOrEqualTo(0).When(r => r.Investment is not null);
            RuleFor(r => r.Investment)
                .Must(i => (decimal)i.Land + i.Buildings + i.Machinery + i.WorkingCapital <= long.MaxValue)
                .When(r => r.Investment is not null)
                .WithMessage("The total investment is too large.");
            RuleFor(r => r.Employees).InclusiveBetween(0, 1_000_000);
            RuleForEach(r => r.Declarations).NotEmpty().MaximumLength(60);
            RuleFor(r => r.EnvironmentalDocument).MaximumLength(20);
            RuleFor(r => r.BuildingApprovalNumber).MaximumLength(60);
        }
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, IJobScheduler jobs, TimeProvider time)
        : ICommandHandler<Command, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = command.Request;
            var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.BusinessId, cancellationToken);
            if (business is null)
            {
                return Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");
            }

            var now = time.GetUtcNow();
            var today = Wita.DateOf(now);
            var ruleSet = rules.InForceOn(today);
            if (ruleSet is null)
            {
                return new Error(ErrorCodes.NoRuleSetInForce, StatusCodes.Status503ServiceUnavailable, "No rule set is in force today.");
            }

            var kelurahan = ResolveKelurahan(request.Location.Kelurahan, ruleSet);
            var details = new ApplicationDetails(
                business.Id,
                request.PermitType,
                request.Kbli,
                kelurahan?.Code ?? request.Location.Kelurahan.Trim(),
                kelurahan?.KecamatanCode,
                request.Location.Address.Trim(),
                request.Location.Latitude,
                request.Location.Longitude,
                (request.Location.Polygon ?? []).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Latitude},{p.Longitude}")).ToList(),
                request.LandAreaM2,
                request.BuildingAreaM2,
                new Investment(request.Investment.Land, request.Investment.Buildings, request.Investment.Machinery, request.Investment.WorkingCapital),
                request.Employees,
                request.PlannedStartDate ?? today,
                request.Declarations ?? [],
                string.IsNullOrWhiteSpace(request.EnvironmentalDocument) ? null : request.EnvironmentalDocument.Trim(),
                string.IsNullOrWhiteSpace(request.BuildingApprovalNumber) ? null : request.BuildingApprovalNumber.Trim());

            var application = PermitApplication.Submit(details, command.Language.Code(), now, today);
            var facts = FactsOf(application, business);
            var evaluation = ruleSet.Evaluate(facts);
            application.Decide(
                new DecisionRecord(
                    evaluation.Outcome == Outcome.Approved,
                    evaluation.RuleSetId,
                    evaluation.RuleSetHash,
                    evaluation.Scale.ToString().ToLowerInvariant(),
                    evaluation.RiskLevel,
                    evaluation.RequiredPermits,
                    evaluation.Failed.Select(f => f.RequirementId).ToList(),
                    JsonSerializer.Serialize(facts, Json.Options),
                    JsonSerializer.Serialize(evaluation.Requirements, Json.Options)),
                now);

            var notification = OutboxMessage.DecisionMade(application.Id, now);
            db.Applications.Add(application);
            db.OutboxMessages.Add(notification);
            await db.SaveChangesAsync(cancellationToken);

            jobs.EnqueueOutboxDelivery(notification.Id);
            return DecisionView.Render(application, ruleSet, command.Language);
        }

        private static KelurahanEntry? ResolveKelurahan(string given, CompiledRuleSet ruleSet)
        {
            var key = given.Trim();
            return ruleSet.Definition.Kelurahan.TryGetValue(key, out var byCode)
                ? byCode
                : ruleSet.Definition.Kelurahan.Values.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The facts the engine decides on: what the applicant stated about the application and the business.</summary>
        public static ApplicationFacts FactsOf(PermitApplication application, Business business)
        {
            ArgumentNullException.ThrowIfNull(application);
            ArgumentNullException.ThrowIfNull(business);
            return new ApplicationFacts
            {
                OwnerKind = business.IsIndividual ? "individual" : "entity",
                Nik = business.OwnerNik,
                Npwp = business.Npwp,
                LegalForm = JsonNamingPolicy.CamelCase.ConvertName(business.LegalForm.ToString()),
                InvestmentType = business.InvestmentType == InvestmentType.Pma ? "PMA" : "PMDN",
                PermitType = application.PermitType,
                KbliCodes = application.KbliCodes,
                KelurahanCode = application.KelurahanCode,
                Latitude = application.Latitude,
                Longitude = application.Longitude,
                PolygonPoints = application.Polygon.Count,
                LandAreaM2 = application.LandAreaM2,
                BuildingAreaM2 = application.BuildingAreaM2,
                InvestmentLand = application.Investment.Land,
                InvestmentBuildings = application.Investment.Buildings,
                InvestmentMachinery = application.Investment.Machinery,
                InvestmentWorkingCapital = application.Investment.WorkingCapital,
                Employees = application.Employees,
                PlannedStartDate = application.PlannedStartDate,
                SubmissionDate = application.SubmissionDate,
                Declarations = application.Declarations.ToHashSet(StringComparer.Ordinal),
                EnvironmentalDocument = application.EnvironmentalDocument,
                BuildingApprovalNumber = application.BuildingApprovalNumber,
                HasNib = business.Nib is not null,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> (Request request, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                var result = await mediator.Send(new Command(request, language), cancellationToken);
                if (!result.Succeeded)
                {
                    return result.Error!.ToProblem();
                }

                RequestLanguage.SetContentLanguage(http, language);
                return TypedResults.Created($"/api/applications/{result.Value.Id}", result.Value);
            })
            .WithName("SubmitApplication")
            .WithSummary("Submit an application; the requirements engine decides it at once.")
            .ProducesValidationProblem();
}
