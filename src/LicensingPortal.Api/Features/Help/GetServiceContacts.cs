using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Rules.Model;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Help;

/// <summary>Whom to ask and where to report anyone who asks for money: the help page and integrators read the same.</summary>
public static class GetServiceContacts
{
    /// <summary>
    /// The contacts; <c>PhoneLink</c>, <c>WhatsAppLink</c> and <c>EmailLink</c> open a call, a chat or an e-mail from a
    /// tap, and are null while the contact is an example.
    /// </summary>
    public sealed record Contacts(string Office, string Address, string Phone, string WhatsApp, string Email, string Hours, string LaporUrl, string Inspectorate, string Ombudsman, string? PhoneLink, string? WhatsAppLink, string? EmailLink);

    public sealed record Query(Language Language) : IQuery<Result<Contacts>>;

    public sealed class Handler(IOptions<ServiceContactsOptions> options) : IQueryHandler<Query, Result<Contacts>>
    {
        public ValueTask<Result<Contacts>> Handle(Query query, CancellationToken cancellationToken)
        {
            var contacts = options.Value;
            return ValueTask.FromResult<Result<Contacts>>(new Contacts(
                contacts.Office,
                contacts.Address,
                contacts.Phone,
                contacts.WhatsApp,
                contacts.Email,
                query.Language == Language.English ? contacts.HoursEn : contacts.HoursId,
                contacts.LaporUrl,
                contacts.Inspectorate,
                contacts.Ombudsman,
                contacts.PhoneLink(),
                contacts.WhatsAppLink(),
                contacts.EmailLink()));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/contacts", async Task<Results<Ok<Contacts>, ProblemHttpResult>> (HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(RequestLanguage.From(http)), cancellationToken)).ToOk())
            .AllowAnonymous()
            .RequireRateLimiting(AuthSetup.PublicLimit)
            .WithName("GetServiceContacts")
            .WithSummary("Whom to ask for help, and where to report anyone who asks for money for a permit (the service is free).");
}
