using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Holidays;

/// <summary>
/// An administrator sets a year's holidays at once from the year's joint decree (SKB of the Ministers of Religious
/// Affairs, Manpower and PANRB): every national holiday and day of joint leave, and the decree's reference. Setting a
/// year again replaces it whole. From then on, deadlines counted in working days across the year skip its holidays,
/// and an objection is no longer taken two weeks past the day the owner is told.
/// </summary>
public static class SetHolidayYear
{
    public const int FirstYear = 2020;
    public const int LastYear = 2100;
    public const int MaxHolidays = 60;

    public sealed record Holiday(DateOnly Date, string? Name, HolidayKind Kind);

    public sealed record Request(string? Basis, IReadOnlyList<Holiday>? Holidays);

    public sealed record Command(Guid AdminId, int Year, string? Basis, IReadOnlyList<Holiday>? Holidays) : ICommand<Result<ListHolidays.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(FirstYear, LastYear).WithMessage(_ => Texts.Format("Validation.Holidays.Year", FirstYear, LastYear));
            RuleFor(c => c.Basis).Must(b => b?.Trim().Length is >= 5 and <= HolidayYear.BasisMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Holidays.Basis", HolidayYear.BasisMaxLength));
            RuleFor(c => c.Holidays).NotNull().Must(h => h is { Count: > 0 and <= MaxHolidays })
                .WithMessage(c => Texts.Format("Validation.Holidays.Count", MaxHolidays, c.Year));
            RuleForEach(c => c.Holidays).NotNull().WithMessage(c => Texts.Format("Validation.Holidays.Count", MaxHolidays, c.Year));
            RuleFor(c => c.Holidays).Must(h => h is null || h.OfType<Holiday>().Select(d => d.Date).Distinct().Count() == h.Count(d => d is not null))
                .WithMessage(_ => Texts.Get("Validation.Holidays.Twice"));
            RuleForEach(c => c.Holidays).ChildRules(day =>
            {
                day.RuleFor(d => d.Name).Must(n => n?.Trim().Length is >= 3 and <= Domain.Holiday.NameMaxLength)
                    .WithMessage(_ => Texts.Format("Validation.Holidays.Name", Domain.Holiday.NameMaxLength));
                day.RuleFor(d => d.Kind).IsInEnum().WithMessage(_ => Texts.Get("Validation.Holidays.Kind"));
            });
            RuleForEach(c => c.Holidays).Must((command, day) => day is null || day.Date.Year == command.Year)
                .WithMessage((command, day) => Texts.Format("Validation.Holidays.OtherYear", Cultures.Date(day.Date), command.Year));
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<ListHolidays.Response>>
    {
        public async ValueTask<Result<ListHolidays.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            // Every year's row first (a handful; 2026's is always there): two administrators setting the calendar at
            // once take turns, the second replacing what the first committed rather than colliding with it.
            await db.HolidayYears.ExecuteUpdateAsync(set => set.SetProperty(y => y.Basis, y => y.Basis), cancellationToken);
            var year = await db.HolidayYears.FirstOrDefaultAsync(y => y.Year == command.Year, cancellationToken);
            if (year is null)
            {
                year = HolidayYear.Set(command.Year, command.Basis!, command.AdminId, now);
                db.HolidayYears.Add(year);
            }
            else
            {
                year.Reset(command.Basis!, command.AdminId, now);
            }

            // The year is replaced whole, in the command's transaction: nobody counts a deadline on half of it.
            var (first, last) = HolidayYear.DaysOf(command.Year);
            await db.Holidays.Where(h => h.Date >= first && h.Date <= last).ExecuteDeleteAsync(cancellationToken);
            var holidays = command.Holidays!.OrderBy(h => h.Date).Select(h => Domain.Holiday.On(h.Date, h.Name!, h.Kind)).ToList();
            db.Holidays.AddRange(holidays);
            return new ListHolidays.Response(command.Year, true, year.Basis, now, [.. holidays.Select(h => new ListHolidays.Item(h.Date, h.Name, h.Kind))]);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/holidays/{year:int}", async Task<Results<Ok<ListHolidays.Response>, ProblemHttpResult>> (int year, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), year, request.Basis, request.Holidays), cancellationToken)).ToOk())
            .WithName("SetHolidayYear")
            .WithSummary("Set a year's national holidays and joint leave at once from its joint decree (basis: the decree's reference; holidays: date, name, kind National or JointLeave), replacing what the year had.");
}
