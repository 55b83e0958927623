namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// Every page an applicant or a citizen reaches, read in English as <see cref="ReadablePagesTests"/> reads them in
/// Bahasa Indonesia. (Apart from it, with its own app and browser, so that neither class is the test run's tail.)
/// </summary>
public sealed class ReadablePagesInEnglishTests(SqliteBrowserPortal portal) : IClassFixture<SqliteBrowserPortal>
{
    [Fact]
    public Task EveryApplicantAndCitizenPage_ReadsPlainly_OnTheSmallestPhones_InEnglish() =>
        ReadablePagesTests.ReadEveryApplicantAndCitizenPageAsync(portal, "en");
}
