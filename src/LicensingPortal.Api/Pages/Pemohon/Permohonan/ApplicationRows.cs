using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Catalogue;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Pages.Pemohon.Permohonan;

/// <summary>
/// Applications as the applicant's table shows them: each with its business's name and its activities named
/// ("Restoran (KBLI 56101)"), not by code alone. Names come from the business list and the activity catalogue, through
/// their own queries.
/// </summary>
public sealed record ApplicationRows(
    IReadOnlyList<ListApplications.Summary> Applications,
    IReadOnlyDictionary<Guid, string> BusinessNames,
    IReadOnlyDictionary<string, string> ActivityTitles)
{
    public static async Task<ApplicationRows> LoadAsync(ISender sender, Guid ownerId, IReadOnlyList<ListApplications.Summary> applications, IReadOnlyList<BusinessResponse>? businesses, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(applications);
        businesses ??= (await sender.Send(new ListBusinesses.Query(ownerId), cancellationToken)).Value;
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var codes in applications.SelectMany(a => a.Kbli).Distinct(StringComparer.Ordinal).Chunk(FindActivities.MaxCodes))
        {
            if ((await sender.Send(new FindActivities.Query(null, codes, language), cancellationToken)) is { Succeeded: true } found)
            {
                foreach (var activity in found.Value)
                {
                    titles[activity.Code] = activity.Title;
                }
            }
        }

        return new ApplicationRows(applications, businesses.ToDictionary(b => b.Id, b => b.Name), titles);
    }

    /// <summary>"Restoran (KBLI 56101)", or its number alone if the catalogue in force no longer has it.</summary>
    public string Activity(string code) => NameActivity(code, ActivityTitles);

    /// <summary>An activity as the applicant's pages name it, from the catalogue's titles by code.</summary>
    public static string NameActivity(string code, IReadOnlyDictionary<string, string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        return PlainWords.Activity(code, titles.GetValueOrDefault(code));
    }
}
