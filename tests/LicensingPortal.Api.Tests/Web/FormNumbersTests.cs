using LicensingPortal.Api.Infrastructure.Web;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>Amounts as people type them: thousands marks in either language, "Rp", and zero cents.</summary>
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
    public void WhatIsNotAWholeAmount_IsSaidSo(string text) => Assert.False(FormNumbers.TryWhole(text, out _));
}
