using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>Every account created through self-registration is an Applicant; staff roles are given by an admin or the seeds.</summary>
public sealed class ApplicantUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> CreateAsync(ApplicationUser user, string password)
    {
        var created = await base.CreateAsync(user, password);
        return created.Succeeded ? await AddToRoleAsync(user, Roles.Applicant) : created;
    }
}
