using System.Globalization;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>Where the business operates: the kelurahan (grouped by kecamatan), the address and, optionally, the coordinates and site boundary.</summary>
public sealed class LokasiModel : DraftStepPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["location"] = nameof(Kelurahan),
        ["location.kelurahan"] = nameof(Kelurahan),
        ["location.address"] = nameof(Address),
        ["location.latitude"] = nameof(Latitude),
        ["location.longitude"] = nameof(Longitude),
        ["location.polygon"] = nameof(Polygon),
    };

    [BindProperty]
    public string? Kelurahan { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    /// <summary>One "latitude, longitude" corner a line.</summary>
    [BindProperty]
    public string? Polygon { get; set; }

    public IReadOnlyList<Choice> KelurahanChoices { get; private set; } = [];

    public bool HasCoordinates => !string.IsNullOrWhiteSpace(Latitude) || !string.IsNullOrWhiteSpace(Polygon);

    public override string Step => ApplicationSteps.Location;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var areas = await Sender.Send(new ListKelurahan.Query(), HttpContext.RequestAborted);
        KelurahanChoices = areas.Succeeded
            ? areas.Value.SelectMany(kecamatan => kecamatan.Kelurahan.Select(k => new Choice(k.Code, k.Name, null, Texts.Format("Journey.Location.Kecamatan", kecamatan.Name)))).ToList()
            : [];
        await next();
    }

    protected override void Show(ApplicationRequest answers)
    {
        var location = answers.Location;
        Kelurahan = location?.Kelurahan;
        Address = location?.Address;
        Latitude = FormNumbers.Show(location?.Latitude);
        Longitude = FormNumbers.Show(location?.Longitude);
        Polygon = location?.Polygon is { Count: > 0 } points ? string.Join('\n', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Latitude}, {p.Longitude}"))) : null;
    }

    protected override ApplicationRequest? Read()
    {
        if (!FormNumbers.TryCoordinate(Latitude, out var latitude))
        {
            NotACoordinate(nameof(Latitude));
        }

        if (!FormNumbers.TryCoordinate(Longitude, out var longitude))
        {
            NotACoordinate(nameof(Longitude));
        }

        var points = new List<CoordinateRequest>();
        foreach (var line in (Polygon ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && FormNumbers.TryCoordinate(parts[0], out var lat) && FormNumbers.TryCoordinate(parts[1], out var lon) && lat is not null && lon is not null)
            {
                points.Add(new CoordinateRequest(lat.Value, lon.Value));
            }
            else
            {
                ModelState.AddModelError(nameof(Polygon), Texts.Format("Journey.Location.PolygonLine", line));
                break;
            }
        }

        return ModelState.IsValid
            ? Answers with { Location = new LocationRequest(Kelurahan ?? string.Empty, Address?.Trim() ?? string.Empty, latitude, longitude, points.Count == 0 ? null : points) }
            : null;
    }
}
