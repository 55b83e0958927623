using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>The JSON body of a webhook: the notification id and type, and what happened, in the recipient's language.</summary>
public sealed class WebhookPayloads(LicensingDbContext db, RuleSetCatalog rules)
{
    public sealed record Envelope(Guid Id, string Type, DateTimeOffset OccurredAt, object Data);

    public sealed record DecisionData(Guid ApplicationId, string Outcome, string RuleSetId, string RuleSetHash, IReadOnlyList<IssuedPermit> Permits, IReadOnlyList<FailedRequirement> FailedRequirements);

    public async Task<string> BuildAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        object data;
        if (NoticeKind.Of(message.Type).Mail == NoticeMail.Decision)
        {
            var application = await db.Applications.AsNoTracking().Include(a => a.Decision).SingleAsync(a => a.Id == message.SubjectId, cancellationToken);
            var decision = application.Decision!;
            var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken)
                ?? throw new InvalidOperationException($"Rule set {decision.RuleSetHash} is not stored.");
            var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
            var view = DecisionExplanation.Of(decision, ruleSet, Languages.Parse(recipient.PreferredLanguage));
            var payload = JsonSerializer.Deserialize<DecisionPayload>(message.Payload ?? "{\"permits\":[]}", Json.Options)!;
            data = new DecisionData(application.Id, view.Outcome, ruleSet.Id, ruleSet.Hash, payload.Permits, view.FailedRequirements);
        }
        else if (NoticeKind.Of(message.Type).Mail == NoticeMail.Objection)
        {
            data = JsonSerializer.Deserialize<ObjectionPayload>(message.Payload ?? "{}", Json.Options)!;
        }
        else if (NoticeKind.Of(message.Type).Mail == NoticeMail.Question)
        {
            data = JsonSerializer.Deserialize<QuestionPayload>(message.Payload ?? "{}", Json.Options)!;
        }
        else if (message.Type == NoticeKind.BusinessEmailChanged.Type)
        {
            data = JsonSerializer.Deserialize<BusinessEmailChangedPayload>(message.Payload ?? "{}", Json.Options)!;
        }
        else if (NoticeKind.Of(message.Type).Mail == NoticeMail.Business)
        {
            data = JsonSerializer.Deserialize<BusinessClosedPayload>(message.Payload ?? "{}", Json.Options)!;
        }
        else if (NoticeKind.Of(message.Type).Mail == NoticeMail.Inspection)
        {
            data = JsonSerializer.Deserialize<InspectionPayload>(message.Payload ?? "{}", Json.Options)!;
        }
        else
        {
            data = JsonSerializer.Deserialize<PermitPayload>(message.Payload ?? "{}", Json.Options)!;
        }

        return JsonSerializer.Serialize(new Envelope(message.Id, message.Type, message.CreatedAt, data), Json.Options);
    }
}
