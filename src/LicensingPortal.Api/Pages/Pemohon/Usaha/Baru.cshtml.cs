using System.Security.Claims;
using System.Text.Json;
using LicensingPortal.Api.Features.Businesses;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Usaha;

/// <summary>
/// Registers a business (the same use case as POST /api/businesses) one thing at a time: its legal form, its owner,
/// its name, its address and contact, then "check your answers". Each page's answers are checked as they are given,
/// by the registration's own validator (<see cref="CheckBusiness"/>), and kept for the owner in the page's temporary
/// data (a protected cookie) until the business is registered, so the back link, the "change" links and the
/// language switch lose nothing.
/// </summary>
public sealed class BaruModel : PortalPage
{
    /// <summary>The question pages, in order; "check your answers" follows the last.</summary>
    public static readonly IReadOnlyList<string> Steps = ["bentuk", "pemilik", "usaha", "kontak"];

    public const string CheckStep = "periksa";

    private const string Kept = "business-new";

    /// <summary>Request paths (as the validator names fields) → the page that asks and its form field.</summary>
    private static readonly Dictionary<string, (string Step, string Field)> Fields = new(StringComparer.Ordinal)
    {
        ["legalForm"] = ("bentuk", nameof(LegalForm)),
        ["owner"] = ("pemilik", nameof(OwnerName)),
        ["owner.name"] = ("pemilik", nameof(OwnerName)),
        ["owner.nik"] = ("pemilik", nameof(Nik)),
        ["owner.npwp"] = ("pemilik", nameof(Npwp)),
        ["name"] = ("usaha", nameof(Name)),
        ["investmentType"] = ("usaha", nameof(InvestmentType)),
        ["address"] = ("kontak", nameof(Address)),
        ["email"] = ("kontak", nameof(Email)),
        ["phone"] = ("kontak", nameof(Phone)),
    };

    [FromRoute(Name = "langkah")]
    public string? Langkah { get; set; }

    /// <summary>The owner came from "check your answers" to change this answer.</summary>
    [BindProperty(SupportsGet = true, Name = "ubah")]
    public bool Changing { get; set; }

    /// <summary>Where to go back to after registering (the application being filled in).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kembali { get; set; }

    [BindProperty]
    public string? LegalForm { get; set; }

    [BindProperty]
    public string? OwnerName { get; set; }

    [BindProperty]
    public string? Nik { get; set; }

    [BindProperty]
    public string? Npwp { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? InvestmentType { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public string Step => Langkah ?? Steps[0];

    public int StepNumber => Steps.ToList().IndexOf(Step) + 1;

    /// <summary>The answers given so far.</summary>
    public Answers Given { get; private set; } = Answers.None;

    public bool IsSoleProprietor => Given.LegalForm == nameof(Domain.LegalForm.Perorangan);

    /// <summary>Only a PT may have foreign investment (PMA); every other form is domestic (PMDN) without asking.</summary>
    public bool AsksInvestmentType => Given.LegalForm == nameof(Domain.LegalForm.Pt);

    public string BackUrl => Step switch
    {
        _ when Changing => StepUrl(CheckStep),
        CheckStep => StepUrl(Steps[^1]),
        _ when StepNumber <= 1 => LocalOr(Given.Back, "/pemohon/usaha"),
        _ => StepUrl(Steps[StepNumber - 2]),
    };

    public IReadOnlyList<Choice> LegalForms { get; } = Enum.GetValues<LegalForm>().Select(f => new Choice(f.ToString(), Texts.Get($"LegalForm.{f}"), Texts.Get($"LegalForm.{f}.Hint"))).ToList();

    public IReadOnlyList<Choice> InvestmentTypes { get; } = Enum.GetValues<InvestmentType>().Select(t => new Choice(t.ToString(), Texts.Get($"InvestmentType.{t}"), Texts.Get($"InvestmentType.{t}.Hint"))).ToList();

    public static string StepUrl(string step, bool changing = false) => $"/pemohon/usaha/baru/{step}{(changing ? "?ubah=true" : string.Empty)}";

    public IActionResult OnGet()
    {
        if (Step != CheckStep && StepNumber == 0)
        {
            return NotFound();
        }

        Given = Load();
        if (!string.IsNullOrEmpty(Kembali))
        {
            Given = Given with { Back = LocalOr(Kembali, "/pemohon/usaha") };
            Keep(Given);
        }

        if (FirstUnanswered(Given) is { } unanswered && Reaches(Step, unanswered))
        {
            return Redirect(StepUrl(unanswered));
        }

        Show(Given);
        // Notices go to the account's own address unless the business has another: filled in, to change if need be.
        Email ??= User.FindFirstValue(ClaimTypes.Email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Step == CheckStep || StepNumber == 0)
        {
            return NotFound();
        }

        Given = Load();
        var answers = Take(Given);
        var checkedAnswers = await Sender.Send(new CheckBusiness.Query(RequestOf(answers)), cancellationToken);
        if (!checkedAnswers.Succeeded)
        {
            ShowErrors(checkedAnswers.Error!, Fields.Where(f => f.Value.Step == Step).ToDictionary(f => f.Key, f => f.Value.Field), onlyTheseFields: true);
        }

        if (!ModelState.IsValid)
        {
            Given = answers;
            return Page();
        }

        Keep(answers);
        var next = FirstUnanswered(answers);
        if (Changing && Step == Steps[0] && answers.LegalForm != Given.LegalForm)
        {
            // Another legal form asks other things of the owner (a NIK for a sole proprietor, an NPWP for an entity).
            return Redirect(StepUrl(Steps[1], changing: true));
        }

        return Redirect(Changing ? StepUrl(next ?? CheckStep, changing: next is not null)
            : StepNumber < Steps.Count ? StepUrl(Steps[StepNumber])
            : StepUrl(next ?? CheckStep));
    }

    /// <summary>"Register the business" on the check page.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        Given = Load();
        if (FirstUnanswered(Given) is { } unanswered)
        {
            return Redirect(StepUrl(unanswered));
        }

        var registered = await Sender.Send(new RegisterBusiness.Command(UserId, RequestOf(Given)), cancellationToken);
        if (!registered.Succeeded)
        {
            ShowErrors(registered.Error!);
            Langkah = CheckStep;
            return Page();
        }

        TempData.Remove(Kept);
        return LocalRedirect(Given.Back ?? $"/pemohon/usaha/{registered.Value.Id}?terdaftar=true");
    }

    /// <summary>The text of an answer as the check page shows it.</summary>
    public string Shown(string? value) => string.IsNullOrWhiteSpace(value) ? Texts.Get("Journey.Check.NotGiven") : value;

    private Answers Take(Answers given)
    {
        switch (Step)
        {
            case "bentuk":
                if (!Enum.TryParse<LegalForm>(LegalForm, out var form))
                {
                    return given with { LegalForm = Require(nameof(LegalForm), "Business.New.LegalFormRequired") };
                }

                return given with
                {
                    LegalForm = form.ToString(),
                    Nik = form == Domain.LegalForm.Perorangan ? given.Nik : null,
                    // A PT is asked whether it has foreign investment; every other form is domestic.
                    InvestmentType = form != Domain.LegalForm.Pt ? nameof(Domain.InvestmentType.Pmdn) : form.ToString() == given.LegalForm ? given.InvestmentType : null,
                };
            case "pemilik":
                return given with { OwnerName = OwnerName?.Trim() ?? string.Empty, Nik = IsSoleProprietor ? Digits(Nik) : null, Npwp = Digits(Npwp) };
            case "usaha":
                if (!AsksInvestmentType)
                {
                    return given with { Name = Name?.Trim() ?? string.Empty, InvestmentType = nameof(Domain.InvestmentType.Pmdn) };
                }

                return given with
                {
                    Name = Name?.Trim() ?? string.Empty,
                    InvestmentType = Enum.TryParse<InvestmentType>(InvestmentType, out var type) ? type.ToString() : Require(nameof(InvestmentType), "Business.New.InvestmentTypeRequired"),
                };
            default:
                return given with { Address = Address?.Trim() ?? string.Empty, Email = Email?.Trim() ?? string.Empty, Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim() };
        }
    }

    private string? Require(string field, string message)
    {
        ModelState.AddModelError(field, Texts.Get(message));
        return null;
    }

    private void Show(Answers answers)
    {
        LegalForm = answers.LegalForm;
        InvestmentType = answers.InvestmentType;
        OwnerName = answers.OwnerName;
        Nik = answers.Nik;
        Npwp = answers.Npwp;
        Name = answers.Name;
        Address = answers.Address;
        Email = answers.Email;
        Phone = answers.Phone;
    }

    /// <summary>The first question page not yet answered, or null when the check page can be shown.</summary>
    private static string? FirstUnanswered(Answers answers) =>
        answers.LegalForm is null ? "bentuk"
        : answers.OwnerName is null ? "pemilik"
        : answers.Name is null || answers.InvestmentType is null ? "usaha"
        : answers.Address is null || answers.Email is null ? "kontak"
        : null;

    /// <summary>The page comes after the first unanswered one, so it cannot be shown yet.</summary>
    private static bool Reaches(string step, string unanswered) =>
        step == CheckStep || Steps.ToList().IndexOf(step) > Steps.ToList().IndexOf(unanswered);

    private static RegisterBusiness.Request RequestOf(Answers answers) => new(
        answers.Name ?? string.Empty,
        Enum.TryParse<LegalForm>(answers.LegalForm, out var form) ? form : default,
        Enum.TryParse<InvestmentType>(answers.InvestmentType, out var type) ? type : Domain.InvestmentType.Pmdn,
        new RegisterBusiness.OwnerRequest(answers.OwnerName ?? string.Empty, answers.Nik, answers.Npwp),
        answers.Address ?? string.Empty,
        answers.Email ?? string.Empty,
        answers.Phone);

    private Answers Load() =>
        TempData.Peek(Kept) is string json && JsonSerializer.Deserialize<Answers>(json) is { } answers && answers.OwnerId == UserId
            ? answers
            : Answers.None with { OwnerId = UserId };

    private void Keep(Answers answers) => TempData[Kept] = JsonSerializer.Serialize(answers with { OwnerId = UserId });

    /// <summary>An identifier as digits only: people type NIK and NPWP with dots, dashes and spaces.</summary>
    private static string? Digits(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-'));

    /// <summary>What the owner has answered so far, for one account.</summary>
    public sealed record Answers(
        Guid OwnerId,
        string? LegalForm,
        string? OwnerName,
        string? Nik,
        string? Npwp,
        string? Name,
        string? InvestmentType,
        string? Address,
        string? Email,
        string? Phone,
        string? Back)
    {
        public static readonly Answers None = new(Guid.Empty, null, null, null, null, null, null, null, null, null, null);
    }
}
