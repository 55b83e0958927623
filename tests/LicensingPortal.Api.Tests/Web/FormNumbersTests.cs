using System.Globalization;
using LicensingPortal.Api.Infrastructure.Web;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>Amounts as people type them: thousands marks in either language, "Rp", zero cents, and rupiah in words for thousands and millions.</summary>
public sealed class FormNumbersTests
{
    [Theory]
    [InlineData("500000", 500_000L)]
    [InlineData("Rp 500.000", 500_000L)]
    [InlineData("500,000", 500_000L)]
    [InlineData("Rp500.000,00", 500_000L)]
    [InlineData("500,000.00", 500_000L)]
    [InlineData("1.250.000", 1_250_000L)]
    [InlineData("  ", null)]
    public void AWholeAmount_IsReadAsTyped(string text, long? expected)
    {
        Assert.True(FormNumbers.TryWhole(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("500.000,50")]
    [InlineData("300rb")]
    [InlineData("lima ratus ribu")]
    [InlineData("1,5")]
    [InlineData("12.50.000")]
    public void WhatIsNotAWholeAmount_IsSaidSo(string text) => Assert.False(FormNumbers.TryWhole(text, out _));

    [Theory]
    [InlineData("300rb", 300_000L)]
    [InlineData("300 ribu", 300_000L)]
    [InlineData("Rp 300 RB", 300_000L)]
    [InlineData("300k", 300_000L)]
    [InlineData("1,5 juta", 1_500_000L)]
    [InlineData("1.5jt", 1_500_000L)]
    [InlineData("1.250 ribu", 1_250_000L)]
    [InlineData("2 miliar", 2_000_000_000L)]
    [InlineData("Rp. 500.000,-", 500_000L)]
    [InlineData("Rp 500.000", 500_000L)]
    [InlineData("", null)]
    public void RupiahInWords_AreReadAsPeopleMeanThem(string text, long? expected)
    {
        Assert.True(FormNumbers.TryRupiah(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,2345 juta")]
    [InlineData("0,0001 ribu")]
    [InlineData("1,5")]
    [InlineData("juta")]
    [InlineData("tiga ratus ribu")]
    [InlineData("300 m")]
    public void RupiahThatIsNotAWholeAmount_IsSaidSo(string text) => Assert.False(FormNumbers.TryRupiah(text, out _));

    [Theory]
    [InlineData("id-ID", "2,25M", 2_250_000_000L)]
    [InlineData("en-GB", "1.5M", 1_500_000L)]
    [InlineData("en-GB", "2 miliar", 2_000_000_000L)]
    public void ACapitalM_IsTheReadersMiliarOrMillion(string culture, string text, long expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.True(FormNumbers.TryRupiah(text, out var value));
            Assert.Equal(expected, value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("-300rb")]
    [InlineData("999999999999 miliar")]
    [InlineData("99999999999999999999")]
    public void NegativeOrTooLargeAmounts_AreSaidSo(string text) => Assert.False(FormNumbers.TryRupiah(text, out _));

    [Fact]
    public void AreasAndPeople_AreNotReadInWords() => Assert.False(FormNumbers.TryWhole("150 ribu", out _));
}
