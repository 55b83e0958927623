using System.Globalization;
using System.Security.Cryptography;

namespace LicensingPortal.Api.Infrastructure.Permits;

/// <summary>
/// New identifiers: a NIB is 13 random digits (no public check digit, so it is opaque), other permits
/// "TYPE-YEAR-8 random digits". Uniqueness is checked here and guaranteed by unique indexes.
/// </summary>
public sealed class PermitNumbers(LicensingDbContext db)
{
    public async Task<string> NewNibAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var nib = string.Concat(Enumerable.Range(0, 13).Select(i => (i == 0 ? RandomNumberGenerator.GetInt32(1, 10) : RandomNumberGenerator.GetInt32(0, 10)).ToString(CultureInfo.InvariantCulture)));
            if (!await db.Businesses.AnyAsync(b => b.Nib == nib, cancellationToken) && !db.Businesses.Local.Any(b => b.Nib == nib))
            {
                return nib;
            }
        }
    }

    public async Task<string> NewPermitNumberAsync(string type, DateOnly issuedOn, CancellationToken cancellationToken)
    {
        while (true)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"{type}-{issuedOn.Year}-{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}");
            if (!await db.Permits.AnyAsync(p => p.Number == number, cancellationToken) && !db.Permits.Local.Any(p => p.Number == number))
            {
                return number;
            }
        }
    }
}
