using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>Confirms an account's e-mail address with the code from the e-mailed link.</summary>
public static class ConfirmEmail
{
    public sealed record Command(string? UserId, string? Code) : ICommand<Result<Guid>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty().Must(id => Guid.TryParse(id, out _)).WithMessage("userId is the account id from the e-mailed link.");
            RuleFor(c => c.Code).NotEmpty().MaximumLength(2000);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId!);
            var token = AccountMail.Decode(command.Code!);
            if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            {
                return new Error(ErrorCodes.ConfirmationInvalid, StatusCodes.Status400BadRequest, "The confirmation link is not valid or has expired.", "Ask for a new link with /api/auth/resendConfirmationEmail.");
            }

            return user.Id;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/confirmEmail", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string? userId, string? code, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(userId, code), cancellationToken);
                return result.Succeeded ? TypedResults.Text("Thank you for confirming your email.") : result.Error!.ToProblem();
            })
            .WithName("ConfirmEmail")
            .WithSummary("Confirm an account's e-mail address with the code from the e-mailed link.");
}
