using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The link sent to a new address makes it the account's address (and its sign-in name). Every sign-in of the account
/// ends (the security stamp changes): its owner signs in again with the new address. An address another account has
/// is refused here, to whoever opened the link.
/// </summary>
public static class ConfirmEmailChange
{
    public sealed record Command(string? UserId, string? Email, string? Code) : ICommand<Result<Response>>;

    public sealed record Response(string Email);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty().Must(id => Guid.TryParse(id, out _)).WithMessage("userId is the account id from the e-mailed link.");
            RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
            RuleFor(c => c.Code).NotEmpty().MaximumLength(2000);
        }
    }

    public static Error LinkInvalid => new(ErrorCodes.ConfirmationInvalid, StatusCodes.Status400BadRequest, "The link is not valid or has expired.", "Ask for the change again on the account's security page (POST /api/auth/manage/email).");

    public sealed class Handler(UserManager<ApplicationUser> users, Sessions sessions) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId!);
            var token = AccountMail.Decode(command.Code!);
            if (user is null || token is null)
            {
                return LinkInvalid;
            }

            var email = command.Email!.Trim();
            if (await users.FindByEmailAsync(email) is { } other && other.Id != user.Id)
            {
                return new Error(ErrorCodes.EmailTaken, StatusCodes.Status409Conflict, "Another account has this e-mail address.", Texts.Get("ChangeEmail.Taken"));
            }

            if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded)
            {
                return LinkInvalid;
            }

            // The address is the sign-in name too.
            var renamed = await users.SetUserNameAsync(user, email);
            if (!renamed.Succeeded)
            {
                return renamed.ToError();
            }

            await sessions.EndAllAsync(user.Id, cancellationToken);
            return new Response(email);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/confirmEmailChange", async Task<Results<Ok<Response>, ProblemHttpResult>> (string? userId, string? email, string? code, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(userId, email, code), cancellationToken)).ToOk())
            .WithName("ConfirmEmailChange")
            .WithSummary("Make the new address the account's, with the userId, email and code of the e-mailed link; every sign-in of the account ends: sign in again with the new address.");
}
