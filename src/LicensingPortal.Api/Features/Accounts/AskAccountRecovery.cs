using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An owner who can no longer open the account's e-mail, or lost the phone of two-step sign-in and its recovery codes,
/// asks for the account back without signing in and without going to the office (ADR 0035): the account's address as
/// remembered, a new address they can open, the owner's name and NIK as on the identity card, and a photo of themselves
/// holding it (kept without its place and time). A link goes to the new address; once it is opened (the address
/// opens, so the answer will reach it: <see cref="ConfirmAccountRecovery"/>) an administrator answers within three
/// working days, at that address.
/// The answer is the same whether or not an account has the address named (nobody learns which addresses have
/// accounts); the account's own address is told at once, with how to stop a request its owner did not make. An
/// account is found by its address, or, when no account has it, by the NIK of the businesses one account registered.
/// </summary>
public static class AskAccountRecovery
{
    /// <summary>The form fields, as the page and integrators send them (multipart, with the photo in <see cref="PhotoField"/>).</summary>
    public const string PhotoField = "photo";

    /// <summary>A photo as it came: its length and a way to read it.</summary>
    public sealed record Photo(long Length, Func<Stream> Open);

    public sealed record Command(string? AccountEmail, string? NewEmail, string? OwnerName, string? Nik, string? Lost, string? Contact, string Language, Photo? Photo) : ICommand<Result<Response>>;

    /// <summary>
    /// Where the link to open went and the answer will go, and the last day the answer is due (three working days from
    /// the link opened today); <see cref="Confirmed"/> when this is a request sent again that waits already.
    /// </summary>
    public sealed record Response(Guid Id, string SentTo, DateOnly AnswerBy, bool Confirmed);

    /// <summary>The words of <see cref="Command.Lost"/>: "email", "phone" or "both".</summary>
    public static AccountRecoveryLoss? LossOf(string? lost) => lost?.Trim().ToLowerInvariant() switch
    {
        "email" => AccountRecoveryLoss.Email,
        "phone" => AccountRecoveryLoss.Phone,
        "both" => AccountRecoveryLoss.Both,
        _ => null,
    };

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AccountEmail).NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.AccountEmail"))
                .MaximumLength(254).EmailAddress().WithMessage(_ => Texts.Get("Validation.Recovery.AccountEmail"));
            RuleFor(c => c.NewEmail).NotEmpty().WithMessage(_ => Texts.Get("Validation.Recovery.NewEmail"))
                .MaximumLength(254).EmailAddress().WithMessage(_ => Texts.Get("Validation.Recovery.NewEmail"))
                // The same address is the answer's address only when the phone alone was lost (the mailbox still opens).
                .Must((c, e) => LossOf(c.Lost) == AccountRecoveryLoss.Phone || !string.Equals(e?.Trim(), c.AccountEmail?.Trim(), StringComparison.OrdinalIgnoreCase))
                .WithMessage(_ => Texts.Get("Validation.Recovery.SameEmail"));
            RuleFor(c => c.OwnerName).Must(n => n?.Trim().Length is > 1 and <= AccountRecovery.NameMaxLength).WithMessage(_ => Texts.Get("Validation.Recovery.Name"));
            RuleFor(c => c.Nik).Must(n => IdentityNumbers.Digits(n) is { } digits && IdentityNumbers.IsStructurallyValidNik(digits)).WithMessage(_ => Texts.Get("Validation.Recovery.Nik"));
            RuleFor(c => c.Lost).Must(l => LossOf(l) is not null).WithMessage(_ => Texts.Get("Validation.Recovery.Lost"));
            RuleFor(c => c.Contact).Must(c => c is null || c.Trim().Length <= AccountRecovery.ContactMaxLength).WithMessage(_ => Texts.Get("Validation.Recovery.Contact"));
            RuleFor(c => c.Photo).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.Photo")).OverridePropertyName(PhotoField);
            RuleFor(c => c.Photo!.Length).LessThanOrEqualTo(UploadedFiles.MaxBytes).When(c => c.Photo is not null)
                .WithMessage(_ => Texts.Get("Validation.Recovery.PhotoSize")).OverridePropertyName(PhotoField);
        }
    }

    public sealed class Handler(LicensingDbContext db, UserManager<ApplicationUser> users, IDocumentStorage storage, AccountMail mail, TimeProvider time)
        : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            // An address Identity would not take as a sign-in name could never be granted: said now, at its field.
            if (!AccountRecoveries.IsSignInName(users, command.NewEmail))
            {
                return Error.Invalid("newEmail", Texts.Get("Validation.Recovery.NewEmail"));
            }

            var content = await ReadAsync(command.Photo!, cancellationToken);
            var type = UploadedFiles.Sniff(content);
            if (type is not ("image/jpeg" or "image/png"))
            {
                var message = Texts.Get("Validation.Recovery.PhotoType");
                return new Error(ErrorCodes.DocumentTypeNotAllowed, StatusCodes.Status415UnsupportedMediaType, "The photo must be a JPEG or PNG picture.", message, new Dictionary<string, string[]> { [PhotoField] = [message] });
            }

            // A photo no decoder reads is refused, not kept with the place and time it may hold.
            if (ImageMetadata.Strip(content, type) is not { } cleaned)
            {
                var message = Texts.Get("Validation.Recovery.PhotoUnreadable");
                return new Error(ErrorCodes.RecoveryPhotoUnreadable, StatusCodes.Status422UnprocessableEntity, "The photo could not be read as the picture it says it is.", message, new Dictionary<string, string[]> { [PhotoField] = [message] });
            }

            // Only an applicant's account is recovered here: staff ask another administrator (ResetStaffTwoFactor), whose
            // office knows them. Which it was is not said to whoever asked.
            var account = await users.FindByEmailAsync(command.AccountEmail!.Trim());
            if (account is not null && !await users.IsInRoleAsync(account, Roles.Applicant))
            {
                account = null;
            }

            // An owner who does not remember the address exactly is found by the NIK of the businesses they registered,
            // when it names one account only.
            var nik = IdentityNumbers.Digits(command.Nik);
            if (account is null)
            {
                var owners = await db.Businesses.AsNoTracking().Where(b => b.OwnerNik == nik).Select(b => b.OwnerId).Distinct().Take(2).ToListAsync(cancellationToken);
                if (owners is [var ownerId] && await users.FindByIdAsync(ownerId.ToString()) is { } owner && await users.IsInRoleAsync(owner, Roles.Applicant))
                {
                    account = owner;
                }
            }

            var now = time.GetUtcNow();
            var calendar = await db.WorkingCalendarAsync(cancellationToken);
            // Sent twice (a slow network, a second press): the request already waiting answers, and nobody is told twice.
            // Matched by what was written (the account's address, the new one, the NIK), found an account or not, so
            // the answer says nothing of whether one was.
            if (await AccountRecoveries.WaitingTwinAsync(db, users, nik, command.AccountEmail!, command.NewEmail!, cancellationToken) is { } same)
            {
                return new Response(same.Id, same.NewEmail, AccountRecoveries.AnswerBy(calendar, same), Confirmed: true);
            }

            var lost = LossOf(command.Lost)!.Value;
            var (recovery, token) = AccountRecovery.Ask(Guid.CreateVersion7(now), command.AccountEmail, account?.Id, command.NewEmail!, command.OwnerName!, command.Nik!, lost, command.Contact, command.Language, now);
            await using (var photo = new MemoryStream(cleaned, writable: false))
            {
                var (key, sha256, size) = await storage.SaveAsync(recovery.Id, photo, cancellationToken);
                recovery.KeepPhoto(key, type, size, sha256);
            }

            db.AccountRecoveries.Add(recovery);
            mail.SendRecoveryConfirmLink(recovery, token);
            return new Response(recovery.Id, recovery.NewEmail, AccountRecoveries.AnswerBy(calendar, recovery), Confirmed: false);
        }

        private static async Task<byte[]> ReadAsync(Photo photo, CancellationToken cancellationToken)
        {
            using var read = new MemoryStream((int)Math.Min(photo.Length, UploadedFiles.MaxBytes));
            await using (var content = photo.Open())
            {
                await content.CopyToAsync(read, cancellationToken);
            }

            return read.ToArray();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/recovery", async Task<Results<Accepted<Response>, ProblemHttpResult>> (
                [FromForm] string? accountEmail, [FromForm] string? newEmail, [FromForm] string? ownerName, [FromForm] string? nik, [FromForm] string? lost, [FromForm] string? contact,
                IFormFileCollection files, ISender sender, CancellationToken cancellationToken) =>
            {
                var photo = files.GetFile(PhotoField) is { Length: > 0 } file ? new Photo(file.Length, file.OpenReadStream) : null;
                var result = await sender.Send(new Command(accountEmail, newEmail, ownerName, nik, lost, contact, Cultures.Current == LicensingPortal.Rules.Model.Language.English ? Languages.English : Languages.Indonesian, photo), cancellationToken);
                return result.Succeeded ? TypedResults.Accepted((string?)null, result.Value) : result.Error!.ToProblem();
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadedFiles.RequestLimit))
            .WithName("AskAccountRecovery")
            .WithSummary("Ask for an applicant account back without signing in, when its e-mail can no longer be opened or the phone of two-step sign-in was lost (multipart: accountEmail, newEmail, ownerName, nik, lost = email|phone|both, contact, and the owner's photo holding their identity card in 'photo'). An administrator answers at the new address within three working days; the answer is the same whether or not an account has the address.");
}
