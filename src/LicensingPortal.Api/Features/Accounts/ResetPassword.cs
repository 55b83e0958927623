using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>Sets a new password with the code e-mailed by <see cref="ForgotPassword"/>.</summary>
public static class ResetPassword
{
    public sealed record Request(string Email, string ResetCode, string NewPassword);

    public sealed record Command(string Email, string ResetCode, string NewPassword) : ICommand<Result<bool>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254);
            RuleFor(c => c.ResetCode).NotEmpty().WithMessage(_ => Texts.Get("Validation.ResetCode")).MaximumLength(2000);
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => Texts.Get("Validation.Password")).MaximumLength(200);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, Infrastructure.Auth.Sessions sessions) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            var token = AccountMail.Decode(command.ResetCode);
            // An invited account sets its first password through its invitation only.
            if (user is null || !user.EmailConfirmed || user.PasswordHash is null || token is null)
            {
                return IdentityResult.Failed(users.ErrorDescriber.InvalidToken()).ToError();
            }

            var reset = await users.ResetPasswordAsync(user, token, command.NewPassword);
            if (!reset.Succeeded)
            {
                return reset.ToError();
            }

            // The new stamp stops every sign-in (an intruder's too); the account's list of sign-ins says so.
            await sessions.EndAllAsync(user.Id, cancellationToken);
            return true;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/resetPassword", async Task<Results<Ok, ProblemHttpResult>> (Request request, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(request.Email, request.ResetCode, request.NewPassword), cancellationToken);
                return result.Succeeded ? TypedResults.Ok() : result.Error!.ToProblem();
            })
            .WithName("ResetPassword")
            .WithSummary("Set a new password with the e-mailed reset code.")
            .ProducesValidationProblem();
}
