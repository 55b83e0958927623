using LicensingPortal.Api.Features.Businesses;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Usaha;

/// <summary>
/// Correct a business's details (the same use case as PUT /api/businesses/{id}/details): one small group of
/// questions, then "check your changes" before they are saved. Until the NIB, the owner's name and NIK too.
/// </summary>
public sealed class UbahModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = nameof(Name),
        ["address"] = nameof(Address),
        ["email"] = nameof(Email),
        ["phone"] = nameof(Phone),
        ["npwp"] = nameof(Npwp),
        ["ownerName"] = nameof(OwnerName),
        ["ownerNik"] = nameof(OwnerNik),
    };

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Npwp { get; set; }

    /// <summary>Until the NIB: the owner's name, and a sole proprietor's NIK (an empty box keeps it; the page shows it masked only).</summary>
    [BindProperty]
    public string? OwnerName { get; set; }

    [BindProperty]
    public string? OwnerNik { get; set; }

    public BusinessResponse Business { get; private set; } = null!;

    /// <summary>Whether the owner's name and NIK are asked: until the business has its NIB.</summary>
    public bool OwnerCorrectable => Business.Nib is null;

    /// <summary>Showing the changes for a last look before saving.</summary>
    public bool Checking { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        Name = Business.Name;
        Address = Business.Address;
        Email = Business.Email;
        Phone = Business.Phone;
        OwnerName = Business.Owner.Name;
        return Page();
    }

    /// <summary>A NIK typed, in groups of four digits, easier to compare with the card digit by digit.</summary>
    public static string InGroups(string nik)
    {
        ArgumentNullException.ThrowIfNull(nik);
        var digits = IdentityNumbers.Digits(nik)!;
        return string.Join(' ', digits.Chunk(4).Select(group => new string(group)));
    }

    /// <summary>Continue: shows the answers beside what they were, to check before saving.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        Checking = true;
        return Page();
    }

    /// <summary>Back from the check to the answers, as they were typed.</summary>
    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        // An empty NPWP box keeps the NPWP on file: the page shows it masked and never holds it in full.
        var saved = await Sender.Send(
            new ChangeBusinessDetails.Command(UserId, Id, new ChangeBusinessDetails.Request(Name ?? string.Empty, Address ?? string.Empty, Email ?? string.Empty, Phone, string.IsNullOrWhiteSpace(Npwp) ? null : Npwp, OwnerName, OwnerNik)),
            cancellationToken);
        if (saved.Succeeded)
        {
            // A permit prints the business's name and address: once it has its NIB, a new one means printing them again.
            var reprint = Business.Nib is not null && (saved.Value.Name != Business.Name || saved.Value.Address != Business.Address);
            return Redirect($"/pemohon/usaha/{Id}?disimpan=true" + (reprint ? "&cetak=true" : string.Empty));
        }

        ShowErrors(saved.Error!, Fields);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var business = await Sender.Send(new GetBusiness.Query(UserId, Id), cancellationToken);
        if (!business.Succeeded)
        {
            return Failure(business.Error!);
        }

        Business = business.Value;
        return null;
    }
}
