using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Applications;

public sealed class SubmitApplicationValidatorTests
{
    private readonly ApplicationRequestValidator validator = new();

    [Fact]
    public void CompliantRequest_IsValid()
    {
        Assert.True(validator.Validate(Builders.Restaurant(Guid.NewGuid())).IsValid);
    }

    [Theory]
    [InlineData("5610")]
    [InlineData("561011")]
    [InlineData("5610A")]
    public void KbliCode_NotFiveDigits_IsInvalid(string code)
    {
        var result = validator.Validate(Builders.Restaurant(Guid.NewGuid()) with { Kbli = [code] });

        Assert.Contains(result.Errors, e => e.PropertyName.StartsWith("Kbli", StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatedKbli_IsInvalid()
    {
        var result = validator.Validate(Builders.Restaurant(Guid.NewGuid()) with { Kbli = ["56101", "56101"] });

        Assert.Contains(result.Errors, e => e.ErrorMessage == Web.Say.En("Validation.Kbli.Repeated"));
    }

    [Fact]
    public void NegativeInvestment_IsInvalid()
    {
        var result = validator.Validate(Builders.Restaurant(Guid.NewGuid()) with { Investment = new InvestmentRequest(0, 0, -1, 0) });

        Assert.Contains(result.Errors, e => e.PropertyName == "Investment.Machinery");
    }

    [Fact]
    public void UnknownPermitType_IsInvalid()
    {
        var result = validator.Validate(Builders.Restaurant(Guid.NewGuid()) with { PermitType = "IMB" });

        Assert.Contains(result.Errors, e => e.PropertyName == "PermitType");
    }

    [Fact]
    public void LatitudeOutOfRange_IsInvalid()
    {
        var result = validator.Validate(Builders.Restaurant(Guid.NewGuid()) with { Location = new LocationRequest("Fatululi", "Jl. X", -91m, 123.6m) });

        Assert.Contains(result.Errors, e => e.PropertyName == "Location.Latitude");
    }
}
