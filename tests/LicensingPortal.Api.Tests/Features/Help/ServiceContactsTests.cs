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
    [InlineData("(0380) 833 102", "tel:0380833102", "https://wa.me/62380833102")]
    [InlineData("0813 3900 1234", "tel:081339001234", "https://wa.me/6281339001234")]
    [InlineData("+62 813-3900-1234", "tel:+6281339001234", "https://wa.me/6281339001234")]
    public void AContactNumber_IsTappable_AsAPhoneAndWhatsAppTakeIt(string shown, string call, string chat)
    {
        var contacts = new ServiceContactsOptions { Phone = shown, WhatsApp = shown };

        Assert.Equal(call, contacts.PhoneLink());
        Assert.Equal(chat, contacts.WhatsAppLink());
    }

    [Theory]
    [InlineData("layanan@kupang.example", null)]
    [InlineData("layanan@kupang.go.id", "mailto:layanan@kupang.go.id")]
    public void AnExampleEmailAddress_IsShownButNotLinked(string address, string? link) =>
        Assert.Equal(link, new ServiceContactsOptions { Email = address }.EmailLink());

    [Theory]
    [InlineData("0812 0000 0000 (contoh / example)")]
    [InlineData("0380 833 102 atau 0380 833 103")]
    [InlineData("1500")]
    public void AnExampleOrWhatIsNotOneNumber_IsShownButNotLinked(string shown)
    {
        var contacts = new ServiceContactsOptions { Phone = shown, WhatsApp = shown };

        Assert.Null(contacts.PhoneLink());
        Assert.Null(contacts.WhatsAppLink());
    }
}
