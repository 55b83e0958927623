using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>Which of one's businesses applies, and for which kind of permit.</summary>
public sealed class UsahaModel : DraftStepPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["businessId"] = nameof(BusinessId),
        ["permitType"] = nameof(PermitType),
    };

    [BindProperty]
    public string? BusinessId { get; set; }

    [BindProperty]
    public string? PermitType { get; set; }

    public IReadOnlyList<Choice> Businesses { get; private set; } = [];

    public IReadOnlyList<Choice> PermitTypes { get; } =
    [
        new(Domain.PermitTypes.PerizinanBerusaha, Texts.Get("PermitType.PB"), Texts.Get("PermitType.PB.Hint")),
        new(Domain.PermitTypes.PbUmku, Texts.Get("PermitType.PB-UMKU"), Texts.Get("PermitType.PB-UMKU.Hint")),
    ];

    public override string Step => ApplicationSteps.Business;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var owned = await Sender.Send(new ListBusinesses.Query(UserId), HttpContext.RequestAborted);
        Businesses = owned.Value.Where(b => b.ClosedOn is null).Select(b => new Choice(b.Id.ToString(), b.Name, b.Nib is null ? Texts.Get($"LegalForm.{b.LegalForm}") : $"{Texts.Get($"LegalForm.{b.LegalForm}")} · NIB {b.Nib}")).ToList();
        await next();
    }

    protected override void Show(ApplicationRequest answers)
    {
        BusinessId = answers.BusinessId == Guid.Empty ? (Businesses.Count == 1 ? Businesses[0].Value : null) : answers.BusinessId.ToString();
        PermitType = answers.PermitType ?? Domain.PermitTypes.PerizinanBerusaha;
    }

    protected override ApplicationRequest? Read() =>
        Answers with { BusinessId = Guid.TryParse(BusinessId, out var id) ? id : Guid.Empty, PermitType = PermitType ?? string.Empty };
}
