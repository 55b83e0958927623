using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;
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
    public const string NibPermitType = "NIB";

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
        string? BuildingApprovalNumber,
        IReadOnlyList<Guid>? DocumentIds = null);

    public sealed record LocationRequest(string Kelurahan, string Address, decimal? Latitude, decimal? Longitude, IReadOnlyList<CoordinateRequest>? Polygon = null);

    public sealed record CoordinateRequest(decimal Latitude, decimal Longitude);

    public sealed record InvestmentRequest(long Land, long Buildings, long Machinery, long WorkingCapital);

    /// <summary>Submit an application; with <paramref name="Corrects"/>, a corrected resubmission of a rejected one.</summary>
    public sealed record Command(Guid OwnerId, Request Request, Language Language, Guid? Corrects = null) : ICommand<Result<ApplicationResponse>>;

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
            RuleFor(r => r.DocumentIds).Must(d => d!.Count <= 50 && d.Distinct().Count() == d.Count).When(r => r.DocumentIds is not null)
                .WithMessage("At most 50 documents, each once.");
        }
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, Notifier notifier, TransparencyLog log, ReportCounters counters, PermitNumbers numbers, PermitSigner signer, PermitLinks links, TimeProvider time)
        : ICommandHandler<Command, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var received = time.GetTimestamp();
            var request = command.Request;
            PermitApplication? corrected = null;
            if (command.Corrects is { } correctsId)
            {
                corrected = await db.Applications
                    .FirstOrDefaultAsync(a => a.Id == correctsId && db.Businesses.Any(b => b.Id == a.BusinessId && b.OwnerId == command.OwnerId), cancellationToken);
                if (corrected is null)
                {
                    return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
                }

                if (corrected.Status != ApplicationStatus.Rejected || corrected.BusinessId != request.BusinessId
                    || await db.Applications.AnyAsync(a => a.PreviousApplicationId == correctsId, cancellationToken))
                {
                    return new Error(ErrorCodes.ApplicationNotResubmittable, StatusCodes.Status409Conflict, "Only a rejected application can be resubmitted, once, for the same business.");
                }
            }

            var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == request.BusinessId && b.OwnerId == command.OwnerId, cancellationToken);
            if (business is null)
            {
                return Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");
            }

            var documentIds = request.DocumentIds ?? [];
            var documents = await db.Documents.AsNoTracking()
                .Where(d => documentIds.Contains(d.Id) && d.OwnerId == command.OwnerId)
                .Select(d => new { d.Id, d.Kind })
                .ToListAsync(cancellationToken);
            if (documents.Count != documentIds.Count)
            {
                return Error.NotFound(ErrorCodes.DocumentNotFound, "A document was not found.");
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
                documentIds,
                string.IsNullOrWhiteSpace(request.EnvironmentalDocument) ? null : request.EnvironmentalDocument.Trim(),
                string.IsNullOrWhiteSpace(request.BuildingApprovalNumber) ? null : request.BuildingApprovalNumber.Trim());

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var application = PermitApplication.Submit(details, command.Language.Code(), now, today, corrected);
            var facts = FactsOf(application, business, documents.Select(d => d.Kind));
            var evaluation = ruleSet.Evaluate(facts);
            var approved = evaluation.Outcome == Outcome.Approved;
            application.Decide(
                new DecisionRecord(
                    approved,
                    evaluation.RuleSetId,
                    evaluation.RuleSetHash,
                    evaluation.Scale.ToString().ToLowerInvariant(),
                    evaluation.RiskLevel,
                    evaluation.RequiredPermits,
                    evaluation.FailedRequirementIds.ToList(),
                    JsonSerializer.Serialize(facts, Json.Options),
                    JsonSerializer.Serialize(evaluation.Requirements, Json.Options),
                    (long)time.GetElapsedTime(received).TotalMilliseconds),
                now);
            db.Applications.Add(application);

            var permits = approved ? await IssuePermitsAsync(application, business, evaluation.RequiredPermits, ruleSet, today, now, cancellationToken) : [];
            var rendered = permits.Select(p => links.Render(p, ruleSet, command.Language, today)).ToList();
            var response = DecisionView.Render(application, ruleSet, command.Language, rendered, corrected is null ? null : new ResubmissionView(corrected.Id, null, DecisionView.Changes(corrected, application)));
            await notifier.RaiseAsync(OutboxMessageTypes.ApplicationReceived, application.Id, command.OwnerId, Notices.Received(application, business), null, inboxOnly: true, cancellationToken);
            await notifier.RaiseAsync(
                OutboxMessageTypes.DecisionMade,
                application.Id,
                command.OwnerId,
                Notices.Decided(application, business, DecisionView.Render(application, ruleSet, Language.Indonesian).Decision!, DecisionView.Render(application, ruleSet, Language.English).Decision!),
                new DecisionPayload(rendered.Select(p => new IssuedPermit(p.Type, p.Number, p.VerificationUrl, p.ValidUntil)).ToList()),
                inboxOnly: false,
                cancellationToken);
            log.Record($"applicant:{command.OwnerId:N}", LogEntryTypes.Submission, application.Id, LogPayloads.Submission(application.Decision!));
            log.Record("engine", LogEntryTypes.Decision, application.Id, LogPayloads.ForDecision(application.Decision!));
            foreach (var permit in permits)
            {
                log.Record("engine", LogEntryTypes.PermitIssued, permit.Id, LogPayloads.ForPermit(permit));
            }

            await log.FlushAsync(now, cancellationToken);
            await counters.CountAsync(
                new ReportCounters.Counted(
                    today,
                    application.KecamatanCode ?? string.Empty,
                    ReportCounters.SectorOf(application.KbliCodes, ruleSet.Definition.Kbli),
                    application.PermitType,
                    approved,
                    application.Decision!.LatencyMs,
                    application.Decision.FailedRequirementIds),
                cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            notifier.EnqueueRaised();
            return response;
        }

        /// <summary>
        /// Issues what the rule set requires: the business's NIB on its first approval (kept for life), and each
        /// other permit with a number, its validity from its permit type and a signed verification code.
        /// </summary>
        private async Task<List<Permit>> IssuePermitsAsync(PermitApplication application, Business business, IReadOnlyList<string> required, CompiledRuleSet ruleSet, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var issued = new List<Permit>();
            foreach (var type in required)
            {
                string number;
                if (type == NibPermitType)
                {
                    if (business.Nib is not null)
                    {
                        continue;
                    }

                    business.AssignNib(await numbers.NewNibAsync(cancellationToken));
                    number = business.Nib!;
                }
                else
                {
                    number = await numbers.NewPermitNumberAsync(type, today, cancellationToken);
                }

                var validity = ruleSet.Definition.PermitTypes.TryGetValue(type, out var definition) ? definition.ValidityMonths : null;
                var permit = Permit.Issue(number, type, business.Id, application.Id, application.KbliCodes, today, validity, signer.Sign, now);
                db.Permits.Add(permit);
                issued.Add(permit);
            }

            return issued;
        }

        private static KelurahanEntry? ResolveKelurahan(string given, CompiledRuleSet ruleSet)
        {
            var key = given.Trim();
            return ruleSet.Definition.Kelurahan.TryGetValue(key, out var byCode)
                ? byCode
                : ruleSet.Definition.Kelurahan.Values.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The facts the engine decides on: what the applicant stated about the application and the business.</summary>
        public static ApplicationFacts FactsOf(PermitApplication application, Business business, IEnumerable<string> documentKinds)
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
                DocumentKinds = documentKinds.ToHashSet(StringComparer.Ordinal),
                EnvironmentalDocument = application.EnvironmentalDocument,
                BuildingApprovalNumber = application.BuildingApprovalNumber,
                HasNib = business.Nib is not null,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/", (Request request, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
                SendAsync(new Command(user.UserId(), request, RequestLanguage.From(http)), http, mediator, cancellationToken))
            .WithName("SubmitApplication")
            .WithSummary("Submit an application; the requirements engine decides it at once.")
            .ProducesValidationProblem();

        routes.MapPost("/{id:guid}/resubmission", (Guid id, Request request, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
                SendAsync(new Command(user.UserId(), request, RequestLanguage.From(http), id), http, mediator, cancellationToken))
            .WithName("ResubmitApplication")
            .WithSummary("Correct a rejected application and submit it again; the new application links to the rejected one.")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> SendAsync(Command command, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error!.ToProblem();
        }

        RequestLanguage.SetContentLanguage(http, command.Language);
        return TypedResults.Created($"/api/applications/{result.Value.Id}", result.Value);
    }
}
