using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Audit;

public abstract class WhatIfTests(Portal portal)
{
    [Fact]
    public async Task DraftWithoutTheDeclarationRequirement_WouldApproveTheApplicationsItRejected()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var rejected = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        var approved = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        var today = rejected.SubmissionDate;

        var started = await officer.Client.PostAsJsonAsync("/api/audit/what-if", new StartWhatIf.Request(DraftRuleSets.Without("kupang-2025", "PERNYATAAN-KEBENARAN-DATA"), null, today, today), TestJson.Options);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = (await started.Content.ReadFromJsonAsync<WhatIfProgress>(TestJson.Options))!;
        // The draft named by the title its file gives, in both languages.
        Assert.Equal(new("Persyaratan Perizinan Berusaha Berbasis Risiko Kota Kupang (PP 28/2025)", "Kota Kupang risk-based business licensing requirements (PP 28/2025)"), run.DraftTitle);
        WhatIfProgress progress = run;
        await Eventually.TrueAsync(
            async () =>
            {
                progress = (await officer.Client.GetFromJsonAsync<WhatIfProgress>($"/api/audit/what-if/{run.Id}", TestJson.Options))!;
                return progress.Status is WhatIfStatus.Completed or WhatIfStatus.Failed;
            },
            "the analysis finishes");
        Assert.Equal(WhatIfStatus.Completed, progress.Status);
        var result = progress.Result!;
        Assert.Equal(progress.Total, progress.Done);
        Assert.True(result.WouldBeApproved >= 1);
        Assert.Equal(0, result.WouldBeRejected);
        Assert.Contains(result.Sample, a => a.ApplicationId == rejected.Id && a.After == "approved" && a.NoLongerFailed.Contains("PERNYATAAN-KEBENARAN-DATA"));
        Assert.DoesNotContain(result.Sample, a => a.ApplicationId == approved.Id);
        Assert.Contains(result.Requirements, r => r.Id == "PERNYATAAN-KEBENARAN-DATA" && r.FailedAfter == 0 && r.FailedBefore >= 1);

        var csv = await officer.Client.GetStringAsync($"/api/audit/what-if/{run.Id}/affected.csv");
        Assert.StartsWith("application_id,before,after,newly_failed,no_longer_failed\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{rejected.Id},rejected,approved,,PERNYATAAN-KEBENARAN-DATA", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenDraft_IsRefusedWithItsProblems()
    {
        using var officer = await portal.StaffAsync(Roles.Officer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await officer.Client.PostAsJsonAsync("/api/audit/what-if", new StartWhatIf.Request("id: x\nrequirements: [", null, today, today), TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class WhatIfTestsOnSqlite(SqlitePortal portal) : WhatIfTests(portal), IClassFixture<SqlitePortal>;

public sealed class WhatIfTestsOnPostgres(PostgresPortal portal) : WhatIfTests(portal), IClassFixture<PostgresPortal>;
