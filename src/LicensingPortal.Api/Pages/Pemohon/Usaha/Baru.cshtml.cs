using LicensingPortal.Api.Features.Businesses;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Usaha;

/// <summary>Registers a business (the same use case as POST /api/businesses): its owner's identity, legal form and contact.</summary>
public sealed class BaruModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = nameof(Name),
        ["legalForm"] = nameof(LegalForm),
        ["investmentType"] = nameof(InvestmentType),
        ["owner"] = nameof(OwnerName),
        ["owner.name"] = nameof(OwnerName),
        ["owner.nik"] = nameof(Nik),
        ["owner.npwp"] = nameof(Npwp),
        ["address"] = nameof(Address),
        ["email"] = nameof(Email),
        ["phone"] = nameof(Phone),
    };

    [BindProperty]
    public string? LegalForm { get; set; }

    [BindProperty]
    public string? InvestmentType { get; set; } = nameof(Domain.InvestmentType.Pmdn);

    [BindProperty]
    public string? OwnerName { get; set; }

    [BindProperty]
    public string? Nik { get; set; }

    [BindProperty]
    public string? Npwp { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    /// <summary>Where to go back to after registering (the application being filled in).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kembali { get; set; }

    public string Back => LocalOr(Kembali, "/pemohon/usaha");

    public IReadOnlyList<Choice> LegalForms { get; } = Enum.GetValues<LegalForm>().Select(f => new Choice(f.ToString(), Texts.Get($"LegalForm.{f}"), Texts.Get($"LegalForm.{f}.Hint"))).ToList();

    public IReadOnlyList<Choice> InvestmentTypes { get; } = Enum.GetValues<InvestmentType>().Select(t => new Choice(t.ToString(), Texts.Get($"InvestmentType.{t}"))).ToList();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<LegalForm>(LegalForm, out var legalForm))
        {
            ModelState.AddModelError(nameof(LegalForm), Texts.Get("Business.New.LegalFormRequired"));
        }

        if (!Enum.TryParse<InvestmentType>(InvestmentType, out var investmentType))
        {
            ModelState.AddModelError(nameof(InvestmentType), Texts.Get("Business.New.InvestmentTypeRequired"));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new RegisterBusiness.Request(
            Name?.Trim() ?? string.Empty,
            legalForm,
            investmentType,
            new RegisterBusiness.OwnerRequest(OwnerName?.Trim() ?? string.Empty, Digits(Nik), Digits(Npwp)),
            Address?.Trim() ?? string.Empty,
            Email?.Trim() ?? string.Empty,
            string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());
        var registered = await Sender.Send(new RegisterBusiness.Command(UserId, request), cancellationToken);
        if (!registered.Succeeded)
        {
            ShowErrors(registered.Error!, Fields);
            return Page();
        }

        return LocalRedirect(Back);
    }

    /// <summary>An identifier as digits only: people type NPWP with dots and dashes.</summary>
    private static string? Digits(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-'));
}
