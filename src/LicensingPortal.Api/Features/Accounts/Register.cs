using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Anyone registers an applicant account with an e-mail address and a password; a link to confirm the address is
/// e-mailed, and the account signs in once it is confirmed. Staff accounts are made by an administrator.
/// </summary>
public static class Register
{
    public sealed record Request(string Email, string Password);

    public sealed record Command(string Email, string Password, string Language) : ICommand<Result<Guid>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Texts.Get("Validation.Email")).MaximumLength(254).EmailAddress().WithMessage(_ => Texts.Get("Validation.Email"));
            RuleFor(c => c.Password).NotEmpty().WithMessage(_ => Texts.Get("Validation.Password")).MaximumLength(200);
            RuleFor(c => c.Language).Must(Languages.IsKnown);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, AccountMail mail) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, PreferredLanguage = command.Language };
            var created = await users.CreateAsync(user, command.Password);
            if (!created.Succeeded)
            {
                return created.ToError();
            }

            await mail.SendConfirmationAsync(user);
            return user.Id;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/register", async Task<Results<Ok, ProblemHttpResult>> (Request request, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Command(request.Email, request.Password, Languages.Indonesian), cancellationToken);
                return result.Succeeded ? TypedResults.Ok() : result.Error!.ToProblem();
            })
            .WithName("Register")
            .WithSummary("Register an applicant account; a link to confirm the address is e-mailed.")
            .ProducesValidationProblem();
}
