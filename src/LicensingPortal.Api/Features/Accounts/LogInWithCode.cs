using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The sign-in page's second step: the account whose password was right (remembered in Identity's short-lived
/// two-factor cookie) gives the code from its authenticator app or a recovery code. The API takes both in one
/// request instead (<see cref="LogIn"/>).
/// </summary>
public static class LogInWithCode
{
    public sealed record Command(Guid AccountId, string? Code, string? RecoveryCode, string? Address) : ICommand<Result<ClaimsPrincipal>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => Texts.Get("Validation.TwoFactorCode")).MaximumLength(20).When(c => string.IsNullOrWhiteSpace(c.RecoveryCode));
            RuleFor(c => c.RecoveryCode).MaximumLength(40);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, SignInSteps steps) : ICommandHandler<Command, Result<ClaimsPrincipal>>
    {
        public async ValueTask<Result<ClaimsPrincipal>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.AccountId.ToString());
            if (user is null || !user.TwoFactorEnabled || !user.IsActive)
            {
                return SignInSteps.Refused;
            }

            return await steps.CodeAsync(user, command.Code, command.RecoveryCode, command.Address);
        }
    }
}
