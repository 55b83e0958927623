using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Architecture;

/// <summary>
/// An application's answers are listed once: the request and the entity name the same answers (by request path),
/// each answer is asked on a page of the journey, and a request's answers reach the entity and come back unchanged
/// with no list of fields in between (the intake, drafts, corrections, renewals and changes rely on it).
/// </summary>
public sealed class ApplicationFieldsTests
{
    [Fact]
    public void TheRequestAndTheEntity_StateTheSameAnswers()
    {
        var entity = Answers.PathsOf<PermitApplication>().Select(p => p.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var request = typeof(ApplicationRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Where(p => p != "businessId")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(request.Order(StringComparer.Ordinal), entity.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryAnswer_IsAskedOnAPageOfTheJourney_AndEveryPageAsksSomething()
    {
        var unasked = typeof(ApplicationRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<AskedOnAttribute>() is not { } asked || !ApplicationSteps.All.Contains(asked.Step))
            .Select(p => p.Name)
            .ToList();
        Assert.Empty(unasked);
        Assert.All(ApplicationSteps.All, step => Assert.NotEmpty(ApplicationSteps.Properties[step]));
        Assert.Equal(ApplicationSteps.Environment, ApplicationSteps.StepOfPath("buildingApprovalNumber"));
        Assert.Equal(ApplicationSteps.Location, ApplicationSteps.StepOfPath("location.kelurahan"));
        Assert.Contains(ApplicationSteps.Questions, q => q.Path == "buildingApprovalNumber" && !q.IsNumber && q.IsOptional);
    }

    [Fact]
    public void AStatedRequest_BecomesTheApplication_AndReadsBackTheSame()
    {
        var today = new DateOnly(2026, 12, 3);
        var request = Builders.Restaurant(Guid.NewGuid(), Guid.NewGuid()) with
        {
            Location = new LocationRequest("5371031003", "  Jl. Frans Seda No. 12  ", -10.1612m, 123.6187m, [new(-10.1612m, 123.6187m), new(-10.1613m, 123.6188m), new(-10.1614m, 123.6186m)]),
            Declarations = ["kebenaran-data", "pemenuhan-standar"],
            ExistingBusiness = true,
            AnnualSales = 750_000_000,
            PlannedStartDate = null,
            BuildingApprovalNumber = "  ",
        };

        var stated = request.Stated(today, "5371031003");
        var application = PermitApplication.Submit(request.BusinessId, "5371031", stated, "id", new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal("Jl. Frans Seda No. 12", application.Address);
        Assert.Equal(today, application.PlannedStartDate);
        Assert.Null(application.BuildingApprovalNumber);
        Assert.Equal(750_000_000, application.AnnualSales);
        Assert.Equal(3, application.Boundary.Count);
        Assert.Equal(request.Investment.Machinery, application.Investment.Machinery);
        stated.Remove("businessId");
        var readBack = Answers.ToJson(application);
        Assert.True(JsonNode.DeepEquals(stated, readBack), $"stated {stated.ToJsonString()}\nread   {readBack.ToJsonString()}");
    }
}
