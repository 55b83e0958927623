using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>Register a business: its owner's identity, legal form, investment type, name, address and contact.</summary>
public static class RegisterBusiness
{
    public sealed record Request(
        string Name,
        LegalForm LegalForm,
        InvestmentType InvestmentType,
        OwnerRequest Owner,
        string Address,
        string Email,
        string? Phone);

    public sealed record OwnerRequest(string Name, string? Nik, string? Npwp);

    public sealed record Command(Guid OwnerId, Request Request) : ICommand<Result<BusinessResponse>>;

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
            RuleFor(r => r.Name).NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.Name")).MaximumLength(200);
            RuleFor(r => r.LegalForm).IsInEnum();
            RuleFor(r => r.InvestmentType).IsInEnum();
            RuleFor(r => r.Owner).NotNull().WithMessage(_ => Texts.Get("Validation.Business.OwnerName"));
            RuleFor(r => r.Owner.Name).NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.OwnerName")).MaximumLength(200).When(r => r.Owner is not null);
            RuleFor(r => r.Owner.Nik)
                .NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.NikRequired"))
                .Must(nik => IdentityNumbers.IsStructurallyValidNik(IdentityNumbers.Digits(nik)!)).WithMessage(_ => Texts.Get("Validation.Business.NikFormat"))
                .When(r => r.Owner is not null && r.LegalForm == LegalForm.Perorangan);
            RuleFor(r => r.Owner.Nik).Empty().WithMessage(_ => Texts.Get("Validation.Business.NikOnlyIndividuals"))
                .When(r => r.Owner is not null && r.LegalForm != LegalForm.Perorangan);
            RuleFor(r => r.Owner.Npwp)
                .NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.NpwpRequired"))
                .When(r => r.Owner is not null && r.LegalForm != LegalForm.Perorangan);
            RuleFor(r => r.Owner.Npwp)
                .Must(IdentityNumbers.IsStructurallyValidNpwp!).WithMessage(_ => Texts.Get("Validation.Business.NpwpFormat"))
                .When(r => r.Owner is not null && !string.IsNullOrEmpty(r.Owner.Npwp));
            RuleFor(r => r.InvestmentType).Must((r, type) => type != InvestmentType.Pma || r.LegalForm == LegalForm.Pt)
                .WithMessage(_ => Texts.Get("Validation.Business.PmaAsPt"));
            RuleFor(r => r.Address).NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.Address")).MaximumLength(500);
            RuleFor(r => r.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).EmailAddress().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254);
            RuleFor(r => r.Phone).Matches(@"\A\+?[0-9 ()-]{6,30}\z").WithMessage(_ => Texts.Get("Validation.Phone")).When(r => r.Phone is not null);
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<BusinessResponse>>
    {
        public ValueTask<Result<BusinessResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = command.Request;
            var business = Business.Register(
                command.OwnerId,
                request.Name,
                request.LegalForm,
                request.InvestmentType,
                request.Owner.Name,
                IdentityNumbers.Digits(request.Owner.Nik),
                request.Owner.Npwp,
                request.Address,
                request.Email,
                request.Phone,
                time.GetUtcNow());
            db.Businesses.Add(business);
            return ValueTask.FromResult<Result<BusinessResponse>>(BusinessResponse.From(business));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", async Task<Results<Created<BusinessResponse>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request), cancellationToken)).ToCreated(business => $"/api/businesses/{business.Id}"))
            .WithName("RegisterBusiness")
            .WithSummary("Register a business and its owner's identity.")
            .ProducesValidationProblem();
}
