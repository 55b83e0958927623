using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>
/// An administrator finds permits before revoking one: by part of the permit's number, part of the business's name,
/// or the business's NIB. At most <see cref="MaxResults"/>, by business name then number; nothing personal is shown.
/// </summary>
public static class FindPermits
{
    public const int MaxResults = 20;

    public sealed record Item(string Number, string Title, string BusinessName, string? Nib, PermitStatus Status, DateOnly? ValidUntil);

    public sealed record Query(string Text, Language Language) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Text).Must(t => t is not null && t.Trim().Length is >= 3 and <= 100).WithMessage(_ => Texts.Get("Validation.FindPermits.Text"));
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var text = query.Text.Trim();
            var term = text.ToLowerInvariant();
            // ToLower and Contains are translated to SQL (lower(), LIKE/instr/strpos) on both providers, not run in .NET.
#pragma warning disable CA1304, CA1311, CA1862
            var found = await (
                    from permit in db.Permits.AsNoTracking()
                    join business in db.Businesses.AsNoTracking() on permit.BusinessId equals business.Id
                    where permit.Number.ToLower().Contains(term) || business.Name.ToLower().Contains(term) || business.Nib == text
                    orderby business.Name, permit.Number
                    select new { Permit = permit, business.Name, business.Nib })
                .Take(MaxResults)
                .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
            var today = Wita.Today(time);
            var ruleSet = rules.InForceOn(today);
            return found.Select(f => new Item(f.Permit.Number, PermitResponse.TitleOf(f.Permit.Type, ruleSet, query.Language), f.Name, f.Nib, f.Permit.StatusOn(today), f.Permit.ValidUntil)).ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (string? q, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(q ?? string.Empty, RequestLanguage.From(http)), cancellationToken)).ToOk())
            .WithName("FindPermits")
            .WithSummary("Find permits by part of their number, part of the business's name, or the business's NIB (q, at least 3 characters), for administrators; at most 20.");
}
