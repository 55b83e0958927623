using LicensingPortal.Api.Domain;

namespace LicensingPortal.Api.Tests.Domain;

/// <summary>
/// An application's reference as people read it out and type it: found however it is written, with the letters it
/// never holds (O, I, L) read as the digits they look like.
/// </summary>
public sealed class ApplicationReferenceTests
{
    private static readonly Guid Id = Guid.Parse("0192f3a4-5b6c-7d8e-9f01-000000000021");

    [Fact]
    public void AReference_StandsForTheEndOfItsId()
    {
        Assert.Equal("LP-0000-0011", ApplicationReference.Of(Id));
        Assert.Equal("0000000021", ApplicationReference.IdSuffixOf(ApplicationReference.Of(Id)));
    }

    [Theory]
    [InlineData("lp-0000-0011")]
    [InlineData("LP 0000 0011")]
    [InlineData(" 00000011 ")]
    [InlineData("LP-OOOO-OOIL")]
    [InlineData("lp-oooo-00il")]
    public void AReference_ReadOutOrTypedLoosely_IsStillFound(string typed) =>
        Assert.Equal("0000000021", ApplicationReference.IdSuffixOf(typed));

    [Theory]
    [InlineData("LP-UUUU-0000")]
    [InlineData("LP-0000-001")]
    [InlineData("Warung Bu Tini")]
    [InlineData("")]
    public void AnythingElse_IsNotAReference(string typed) =>
        Assert.Null(ApplicationReference.IdSuffixOf(typed));
}
