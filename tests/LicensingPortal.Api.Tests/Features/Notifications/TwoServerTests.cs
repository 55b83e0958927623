using System.Text.Json;
using Hangfire;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Notifications;

/// <summary>Two instances with job servers on one PostgreSQL database never deliver the same notification twice.</summary>
public sealed class TwoServerTests(PostgresSmtpPortal portal) : IClassFixture<PostgresSmtpPortal>
{
    private const int Count = 300;

    [Fact]
    public async Task TwoJobServers_DeliverThreeHundredNotifications_EachExactlyOnce()
    {
        var settings = new Dictionary<string, string?>(Portal.DefaultSettings())
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = portal.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Jobs:WorkerCount"] = "4",
        };
        await using var second = portal.Create(settings);
        using var applicant = await portal.ApplicantAsync();
        var email = $"ramai-{Guid.NewGuid():N}@example.com";
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        var application = await applicant.Client.SubmitAsync(Builders.Restaurant(businessId, await applicant.Client.UploadAsync()));
        await Eventually.TrueAsync(() => Mails(email).Length == 1, "the decision itself is e-mailed");

        var ids = new List<Guid>();
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            var payload = JsonSerializer.Serialize(new DecisionPayload([]), Json.Options);
            for (var i = 0; i < Count; i++)
            {
                var message = OutboxMessage.Raise(LicensingPortal.Api.Domain.NoticeKind.DecisionMade, NotificationChannels.Email, application.Id, applicant.Id, payload, DateTimeOffset.UtcNow.AddMinutes(-5));
                db.OutboxMessages.Add(message);
                ids.Add(message.Id);
            }

            await db.SaveChangesAsync();
        }

        // Every message is handed to both instances' queues, and both sweeps run: the claim must keep them apart.
        foreach (var host in new[] { portal.Factory, (Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>)second })
        {
            await using var scope = host.Services.CreateAsyncScope();
            var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
            foreach (var id in ids)
            {
                jobs.EnqueueOutboxDelivery(id);
            }

            host.Services.GetRequiredService<IRecurringJobManager>().Trigger(SweepOutbox.RecurringJobId);
        }

        // A send happens only under a claim of an undelivered row, so once every row is delivered no send is left.
        await Eventually.TrueAsync(
            async () =>
            {
                await using var scope = portal.Factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                return await db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.ProcessedAt != null) == Count;
            },
            "every notification is delivered",
            TimeSpan.FromMinutes(3));
        var messageIds = Mails(email).Select(m => m.Headers["Message-Id"]).ToList();
        Assert.Equal(Count + 1, messageIds.Count);
        Assert.Equal(Count + 1, messageIds.Distinct().Count());
    }

    private ReceivedMail[] Mails(string address) =>
        portal.Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == address)).ToArray();
}
