using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>E-mails a new confirmation link to an unconfirmed account. The answer is the same whether or not the account exists.</summary>
public static class ResendConfirmationEmail
{
    public sealed record Request(string Email);

    public sealed record Command(string Email) : ICommand<Result<bool>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254);
    }

    public sealed class Handler(UserManager<ApplicationUser> users, AccountMail mail) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            // An invited staff account has no password yet: only its invitation (once, within 72 hours) confirms it.
            if (user is not null && !user.EmailConfirmed && user.PasswordHash is not null)
            {
                await mail.SendConfirmationAsync(user);
            }

            return true;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/resendConfirmationEmail", async Task<Results<Ok, ProblemHttpResult>> (Request request, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(request.Email), cancellationToken);
                return result.Succeeded ? TypedResults.Ok() : result.Error!.ToProblem();
            })
            .WithName("ResendConfirmationEmail")
            .WithSummary("E-mail a new confirmation link; the answer is the same for any address.");
}
