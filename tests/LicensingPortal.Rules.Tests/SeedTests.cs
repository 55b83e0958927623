namespace LicensingPortal.Rules.Tests;

public sealed class SeedTests
{
    [Fact]
    public void KbliCatalogue_HasAtLeastEightyCodesAcrossTheCitysSectors()
    {
        var kbli = KupangRules.RuleSet.Definition.Kbli;

        Assert.True(kbli.Count >= 80, $"{kbli.Count} codes");
        Assert.Superset(
            new HashSet<string> { "perdagangan", "makanan-minuman", "akomodasi", "transportasi", "konstruksi", "industri", "perikanan", "jasa-perorangan", "pendidikan", "kesehatan" },
            kbli.Values.Select(k => k.Sector).ToHashSet());
        Assert.All(kbli.Values, k =>
        {
            Assert.NotEmpty(k.Title.Id);
            Assert.NotEmpty(k.Title.En);
            Assert.NotEmpty(k.AllowedZones);
        });
    }

    [Fact]
    public void Wilayah_HasTheSixKecamatanAndFiftyOneKelurahanOfKotaKupang()
    {
        var kelurahan = KupangRules.RuleSet.Definition.Kelurahan.Values;

        Assert.Equal(51, kelurahan.Count());
        Assert.Equal(
            ["Alak", "Kelapa Lima", "Kota Lama", "Kota Raja", "Maulafa", "Oebobo"],
            kelurahan.Select(k => k.KecamatanName).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(12, kelurahan.Count(k => k.KecamatanName == "Alak"));
        Assert.Equal(10, kelurahan.Count(k => k.KecamatanName == "Kota Lama"));
    }
}
