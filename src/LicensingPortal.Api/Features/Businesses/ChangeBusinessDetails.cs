using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>
/// The owner corrects a business's details that the rules do not read: name, address, e-mail, phone and NPWP; and,
/// until its NIB is issued, the owner's name and (a sole proprietor's) NIK, a typing mistake an application refused
/// for (after the NIB they are fixed: <c>owner_fixed</c>). A changed e-mail address is told to the address it had
/// (<see cref="NoticeKind.BusinessEmailChanged"/>). Each detail that changed is kept with its time
/// (<see cref="ListBusinessChanges"/>), a NIK or NPWP masked. What the rules read (location, activities, size) belongs
/// to an application: changing it needs a new one. An NPWP left out (null) stays as it is; an empty one removes it,
/// which only a sole proprietor may do. An owner's name left out (null) stays as it is, an empty one is refused; a
/// NIK left out or empty stays as it is, and may be typed with spaces, dots or hyphens.
/// </summary>
public static class ChangeBusinessDetails
{
    public sealed record Request(string Name, string Address, string Email, string? Phone, string? Npwp, string? OwnerName = null, string? OwnerNik = null);

    public sealed record Command(Guid OwnerId, Guid Id, Request Request) : ICommand<Result<BusinessResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Id).NotEmpty();
            RuleFor(c => c.Request).NotNull();
            RuleFor(c => c.Request.Name).NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.Name")).MaximumLength(200).WithMessage(_ => Texts.Get("Validation.Business.Name")).When(c => c.Request is not null);
            RuleFor(c => c.Request.Address).NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.Address")).MaximumLength(500).WithMessage(_ => Texts.Get("Validation.Business.Address")).When(c => c.Request is not null);
            RuleFor(c => c.Request.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).EmailAddress().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254).When(c => c.Request is not null);
            RuleFor(c => c.Request.Phone).Matches(@"\A\+?[0-9 ()-]{6,30}\z").WithMessage(_ => Texts.Get("Validation.Phone")).When(c => !string.IsNullOrWhiteSpace(c.Request?.Phone));
            RuleFor(c => c.Request.Npwp).Must(IdentityNumbers.IsStructurallyValidNpwp!).WithMessage(_ => Texts.Get("Validation.Business.NpwpFormat")).When(c => !string.IsNullOrWhiteSpace(c.Request?.Npwp));
            RuleFor(c => c.Request.OwnerName).NotEmpty().WithMessage(_ => Texts.Get("Validation.Business.OwnerName")).MaximumLength(200).WithMessage(_ => Texts.Get("Validation.Business.OwnerName")).When(c => c.Request?.OwnerName is not null);
            RuleFor(c => c.Request.OwnerNik).Must(nik => IdentityNumbers.IsStructurallyValidNik(IdentityNumbers.Digits(nik)!)).WithMessage(_ => Texts.Get("Validation.Business.NikFormat")).When(c => !string.IsNullOrWhiteSpace(c.Request?.OwnerNik));
        }
    }

    public sealed class Handler(LicensingDbContext db, Notifier notifier, TimeProvider time) : ICommandHandler<Command, Result<BusinessResponse>>
    {
        public async ValueTask<Result<BusinessResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.BusinessesOf(command.OwnerId).AnyAsync(b => b.Id == command.Id, cancellationToken))
            {
                return Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");
            }

            // An approval issuing the NIB at the same moment takes the business's row too: the owner's NIK is
            // corrected before it (and the decision reads the corrected one) or refused after it, never both.
            await db.LockBusinessAsync(command.Id, cancellationToken);
            var business = await db.Businesses.SingleAsync(b => b.Id == command.Id, cancellationToken);

            if (business.IsClosed)
            {
                return CloseBusiness.Closed(business);
            }

            var request = command.Request;
            var npwp = request.Npwp is null ? business.Npwp : request.Npwp;
            if (!business.IsIndividual && string.IsNullOrWhiteSpace(npwp))
            {
                return Error.Invalid("npwp", Texts.Get("Validation.Business.NpwpRequired"));
            }

            var ownerName = request.OwnerName is null ? business.OwnerName : request.OwnerName.Trim();
            var ownerNik = string.IsNullOrWhiteSpace(request.OwnerNik) ? business.OwnerNik : IdentityNumbers.Digits(request.OwnerNik);
            if (ownerNik != business.OwnerNik && !business.IsIndividual)
            {
                return Error.Invalid("ownerNik", Texts.Get("Validation.Business.NikOnlyIndividuals"));
            }

            if ((ownerName != business.OwnerName || ownerNik != business.OwnerNik) && !business.OwnerCorrectable)
            {
                return new Error(ErrorCodes.OwnerFixed, StatusCodes.Status409Conflict, "The owner's name and NIK are fixed once the business has its NIB.");
            }

            var now = time.GetUtcNow();
            var oldEmail = business.Email;
            db.BusinessChanges.AddRange(business.CorrectOwner(ownerName, ownerNik, now));
            db.BusinessChanges.AddRange(business.ChangeDetails(request.Name, request.Address, request.Email, request.Phone, npwp, now));
            if (!string.Equals(oldEmail.Trim(), business.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                // The address the permits' notices went to hears that they go elsewhere now: one who did not change it
                // (someone else in the account) learns of it where they still read.
                var changed = new BusinessEmailChangedPayload(business.Id, business.Name, oldEmail, business.Email, now);
                await notifier.RaiseAsync(NoticeKind.BusinessEmailChanged, business.Id, command.OwnerId, Notices.BusinessEmailChanged(changed), changed, cancellationToken);
            }

            return BusinessResponse.From(business);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/{id:guid}/details", async Task<Results<Ok<BusinessResponse>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id, request), cancellationToken)).ToOk())
            .WithName("ChangeBusinessDetails")
            .WithSummary("Correct a business's name, address, e-mail, phone or NPWP, and before its NIB the owner's name and NIK; each change is kept with its time. Location and activities change through a new application.")
            .ProducesValidationProblem();
}
