using LicensingPortal.Api.Domain;

namespace LicensingPortal.Api.Tests.Domain;

public sealed class IdentityNumbersTests
{
    [Theory]
    [InlineData("5371044107850003", true)]
    [InlineData("5371040107850003", true)]
    [InlineData("5371047112990001", true)]
    [InlineData("537104410785000", false)]
    [InlineData("53710441078500031", false)]
    [InlineData("5371043213850003", false)]
    [InlineData("5371040013850003", false)]
    [InlineData("5371044100850003", false)]
    [InlineData("0971044107850003", false)]
    [InlineData("5371044107850000", false)]
    [InlineData("5371-4410-7850-03", false)]
    [InlineData("5371043002850003", false)]
    [InlineData("5371043104850003", false)]
    [InlineData("5371047102850003", false)]
    [InlineData("5371042902000003", true)]
    [InlineData("5371046902960003", true)]
    [InlineData("5371042902010003", false)]
    [InlineData("5300044107850003", false)]
    [InlineData("5371004107850003", false)]
    public void Nik_IsCheckedForLengthRegionBirthDateAndSerial(string nik, bool valid)
    {
        Assert.Equal(valid, IdentityNumbers.IsStructurallyValidNik(nik));
    }

    [Theory]
    [InlineData("012345678901234", true)]
    [InlineData("0123456789012345", true)]
    [InlineData("01.234.567.8-901.000", false)]
    [InlineData("01234567890123", false)]
    [InlineData("01234567890123456", false)]
    public void Npwp_Has15Or16Digits(string npwp, bool valid)
    {
        Assert.Equal(valid, IdentityNumbers.IsStructurallyValidNpwp(npwp));
    }
}
