using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Catalogue;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Catalogue;

/// <summary>
/// The activity finder answers the words shop owners use ("jahit", "bengkel", "pulsa"), not only the official
/// titles; a word inside another word does not match; when nothing matches every word, the closest are said to be
/// the closest. The finder reads no database, so one provider is enough.
/// </summary>
public sealed class FindActivitiesTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private async Task<IReadOnlyList<FindActivities.Activity>> FindAsync(string words, string language = "id")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/activities?q=" + Uri.EscapeDataString(words));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await portal.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<FindActivities.Activity>>(TestJson.Options))!;
    }

    [Theory]
    [InlineData("jahit", "14111")]
    [InlineData("tukang jahit", "14111")]
    [InlineData("Penjahit", "14111")]
    [InlineData("bengkel motor", "45405")]
    [InlineData("tambal ban", "45405")]
    [InlineData("jual pulsa", "47413")]
    [InlineData("sembako", "47112")]
    [InlineData("warung kelontong", "47112")]
    [InlineData("jual baju", "47711")]
    [InlineData("tenun ikat", "47511")]
    [InlineData("potong rambut", "96021")]
    [InlineData("daging se’i", "10750")]
    [InlineData("foto kopi", "82190")]
    [InlineData("kos kosan", "55900")]
    [InlineData("cuci motor", "45405")]
    [InlineData("ikan bakar", "56102")]
    [InlineData("token listrik", "47413")]
    [InlineData("tailor", "14111")]
    [InlineData("phone credit", "47413")]
    [InlineData("restoran", "56101")]
    [InlineData("5610", "56101")]
    public async Task EverydayWords_FindTheirActivity_MatchingEveryWord(string words, string code)
    {
        var found = await FindAsync(words);

        Assert.Contains(code, found.Select(a => a.Code));
        Assert.All(found, a => Assert.True(a.MatchesAllWords, $"{a.Code} is said to match only some of \"{words}\"."));
    }

    [Fact]
    public async Task TheActivityWhoseEverydayNameIsTheWholeSearch_ComesFirst()
    {
        var found = await FindAsync("rumah makan");

        Assert.Equal("56101", found[0].Code);
        Assert.Contains("56102", found.Select(a => a.Code));
        // Not a bakery: "makan" is in no word of its.
        Assert.DoesNotContain("10710", found.Select(a => a.Code));
    }

    [Theory]
    [InlineData("ikan", "96022")] // salon kecantikan
    [InlineData("kopi", "82190")] // fotokopi
    public async Task AWordInsideAnotherWord_DoesNotMatchIt(string words, string notFound)
    {
        var found = await FindAsync(words);

        Assert.NotEmpty(found);
        Assert.DoesNotContain(notFound, found.Select(a => a.Code));
    }

    [Fact]
    public async Task WhenNoActivityHasEveryWord_TheClosestAreShown_AndSaidToMatchOnlySome()
    {
        var found = await FindAsync("tenun ikat sutra");

        Assert.Equal(["47511"], found.Select(a => a.Code));
        Assert.False(found[0].MatchesAllWords);
    }

    [Theory]
    [InlineData("pijat refleksi")]
    [InlineData("jual usaha saya")]
    [InlineData("x")]
    public async Task WordsThatNameNoActivity_FindNothing(string words) => Assert.Empty(await FindAsync(words));

    /// <summary>
    /// Each activity found names the everyday words the search matched, which its official title does not say, so "warung"
    /// shows why "Perdagangan eceran … (tradisional)" came up; looked up by code, none.
    /// </summary>
    [Fact]
    public async Task AnActivityFound_NamesTheEverydayWordsTheSearchMatched()
    {
        var found = await FindAsync("warung");

        Assert.Equal(["warung", "warung kelontong"], found.Single(a => a.Code == "47112").AlsoCalled);
        Assert.Equal(["warung kopi"], found.Single(a => a.Code == "56303").AlsoCalled);
        // "Warung makan" is its title already: nothing to add.
        Assert.Empty(found.Single(a => a.Code == "56102").AlsoCalled);
        // A word written whole is preferred to longer words it begins: "kios" gives "kios", not the English "kiosk".
        Assert.Equal(["kios"], (await FindAsync("kios")).Single(a => a.Code == "47112").AlsoCalled);
        // Only the words it begins, when none is written whole.
        Assert.Equal(["jahitan"], (await FindAsync("jahita")).Single(a => a.Code == "14111").AlsoCalled);
        Assert.Empty((await FindAsync("56102")).Single().AlsoCalled);
    }

    [Fact]
    public async Task ActivitiesLookedUpByCode_AreWhole_AndMatchAllWords()
    {
        var response = await portal.Client.GetFromJsonAsync<List<FindActivities.Activity>>("/api/public/activities?q=14111", TestJson.Options);

        var tailoring = Assert.Single(response!);
        Assert.Equal(("14111", true), (tailoring.Code, tailoring.MatchesAllWords));
        Assert.Equal(4, tailoring.RiskByScale.Count);
    }

    /// <summary>The examples the finder's texts give ("misalnya …") find what they promise, in both languages.</summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task TheExamplesThePageGives_EachFindAnActivity(string language)
    {
        var examples = new[] { "Journey.Activities.Intro", "Journey.Activities.NoResults", "Journey.Activities.SearchHint" }
            .SelectMany(key => Regex.Matches(Say.In(language, key), "[\"“]([^\"”]+)[\"”]").Select(m => m.Groups[1].Value))
            .ToList();

        Assert.True(examples.Count >= 5, $"Too few examples in the texts: {string.Join(", ", examples)}");
        foreach (var example in examples)
        {
            var found = await FindAsync(example, language);
            Assert.True(found.Count > 0 && found.All(a => a.MatchesAllWords), $"The example \"{example}\" ({language}) finds no activity matching all its words.");
        }
    }

    [Fact]
    public void EveryCodeWithEverydayWords_IsInTheCatalogueInForce()
    {
        var words = portal.Factory.Services.GetRequiredService<ActivityWords>();
        var catalogue = portal.Factory.Services.GetRequiredService<RuleSetCatalog>().InForceOn(Wita.Today(TimeProvider.System))!.Definition.Kbli;

        Assert.True(words.Codes.Count() >= 80, "The everyday words were not read from seeds/.");
        Assert.DoesNotContain(words.Codes, code => !catalogue.ContainsKey(code));
        Assert.DoesNotContain(catalogue.Keys, code => words.Of(code).Count == 0);
    }
}
