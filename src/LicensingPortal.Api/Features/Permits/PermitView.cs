using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Permits;

public sealed record PermitResponse(
    string Number,
    string Type,
    string Title,
    Guid BusinessId,
    Guid ApplicationId,
    IReadOnlyList<string> Kbli,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    PermitStatus Status,
    string VerificationUrl,
    string DocumentUrl);

/// <summary>Addresses of a permit: its public verification (printed in the QR code) and its PDF.</summary>
public sealed class PermitLinks(IOptions<PermitOptions> options, IHttpContextAccessor http)
{
    public string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the public address from; set Permits:PublicBaseUrl.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public string Verification(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return $"{BaseUrl()}/api/verify/{Uri.EscapeDataString(permit.Number)}?code={permit.VerificationCode}";
    }

    public PermitResponse Render(Permit permit, CompiledRuleSet? ruleSet, Language language, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var title = ruleSet is not null && ruleSet.Definition.PermitTypes.TryGetValue(permit.Type, out var type) ? type.Title.In(language) : permit.Type;
        return new PermitResponse(
            permit.Number,
            permit.Type,
            title,
            permit.BusinessId,
            permit.ApplicationId,
            permit.KbliCodes,
            permit.IssuedOn,
            permit.ValidUntil,
            permit.StatusOn(today),
            Verification(permit),
            $"{BaseUrl()}/api/permits/{Uri.EscapeDataString(permit.Number)}/document");
    }
}
