using LicensingPortal.Api.Features.Help;

namespace LicensingPortal.Api.Tests.Features.Help;

/// <summary>A deployment is told which of the office's contacts still show an example to applicants.</summary>
public sealed class ServiceContactsTests
{
    [Fact]
    public void OutOfTheBox_EveryContactAnApplicantWouldCall_IsNamedAsAPlaceholder()
    {
        Assert.Equal(
            ["Contacts:Address", "Contacts:Phone", "Contacts:WhatsApp", "Contacts:Inspectorate", "Contacts:Ombudsman", "Contacts:Email"],
            new ServiceContactsOptions().Placeholders());
    }

    [Fact]
    public void ContactsTheOfficeHasSet_AreNoLongerPlaceholders()
    {
        var set = new ServiceContactsOptions
        {
            Address = "Jl. S. K. Lerik, Kelapa Lima, Kota Kupang",
            Phone = "(0380) 833 102",
            WhatsApp = "0813 3900 1234",
            Email = "dpmptsp@kupangkota.go.id",
            Inspectorate = "Inspektorat Kota Kupang, (0380) 833 200",
        };

        Assert.Equal(["Contacts:Ombudsman"], set.Placeholders());
    }

    [Theory]
    [InlineData("(0380) 833 102", "0380833102", "62380833102")]
    [InlineData("0813 3900 1234", "081339001234", "6281339001234")]
    [InlineData("+62 813-3900-1234", "+6281339001234", "6281339001234")]
    public void AContactNumber_IsTappable_AsAPhoneAndWhatsAppTakeIt(string shown, string dialled, string whatsApp)
    {
        Assert.Equal(dialled, Api.Pages.Bantuan.IndexModel.Dialled(shown));
        Assert.Equal(whatsApp, Api.Pages.Bantuan.IndexModel.WhatsAppNumber(shown));
    }
}
