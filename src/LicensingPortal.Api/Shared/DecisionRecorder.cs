using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Telemetry;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Shared;

/// <summary>
/// An application ready for the engine: the applicant's own business, the kinds of the documents attached, the rule
/// set in force, for a renewal the permit it renews, and for a change the business's permits in force (each with
/// the site it was issued for).
/// </summary>
public sealed record DecisionIntake(PermitApplication Application, Business Business, IReadOnlyList<string> DocumentKinds, CompiledRuleSet RuleSet, Permit? Renews = null, IReadOnlyList<HeldPermit>? Held = null);

/// <summary>A permit in force (or taking over later) that a change of its business may replace, with where it was issued for.</summary>
public sealed record HeldPermit(Permit Permit, string KelurahanCode, string Address);

/// <summary>
/// Records the decision on an application, the one way every decision is made (submission, correction, and a
/// renewal later): evaluate under the rule set in force → decide → issue the permits → notify the applicant →
/// append to the transparency log → count for the reports. It only adds to the caller's unit of work, which
/// commits all of it or none.
/// </summary>
public sealed class DecisionRecorder(
    LicensingDbContext db,
    Notifier notifier,
    VisitsCalledOff visitsCalledOff,
    TransparencyLog log,
    ReportCounters counters,
    PermitNumbers numbers,
    PermitSigner signer,
    PermitLinks links,
    CheckpointSigner logSigner,
    AfterCommit afterCommit,
    TimeProvider time)
{
    /// <summary>What a decision produced: the permits issued, and the log's signed promise to hold the decision's entry.</summary>
    public sealed record Recorded(IReadOnlyList<Permit> Permits, LogPromise Promise, IReadOnlyList<Permit> Ended);

    /// <summary>Decides <paramref name="intake"/>'s application, received at <paramref name="receivedAt"/> (a timestamp of the time provider); returns the permits it issued and the log's promise.</summary>
    public async Task<Recorded> RecordAsync(DecisionIntake intake, long receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var (application, business, documentKinds, ruleSet, renews, held) = intake;
        var facts = application.FactsFor(business, documentKinds);
        var evaluation = ruleSet.Evaluate(facts);
        var now = time.GetUtcNow();
        var decision = application.Decide(facts, evaluation, (long)time.GetElapsedTime(receivedAt).TotalMilliseconds, now);
        db.Applications.Add(application);
        var kind = renews is not null ? "renewal" : held is not null ? "change" : "new";
        afterCommit.Run(() => PortalTelemetry.Decided(decision.Approved, kind, decision.LatencyMs));

        // A renewal renews the permit only when the engine, on the renewed answers, still requires that permit; an
        // approved change re-issues what it changed and ends what the business no longer needs.
        List<Permit> ended = [];
        var permits = !decision.Approved ? []
            : renews is not null ? decision.RequiredPermits.Contains(renews.Type) ? [await RenewAsync(renews, application, ruleSet, now, cancellationToken)] : []
            : held is not null ? await ChangeAsync(application, held, decision.RequiredPermits, ruleSet, ended, now, cancellationToken)
            : await IssuePermitsAsync(application, business, decision.RequiredPermits, ruleSet, now, cancellationToken);

        await notifier.RaiseAsync(NoticeKind.ApplicationReceived, application.Id, business.OwnerId, Notices.Received(application, business), null, cancellationToken);
        await notifier.RaiseAsync(
            NoticeKind.DecisionMade,
            application.Id,
            business.OwnerId,
            Notices.Decided(application, business, DecisionExplanation.Of(decision, ruleSet, Language.Indonesian), DecisionExplanation.Of(decision, ruleSet, Language.English), [.. permits.Select(p => p.Type)]),
            new DecisionPayload(permits.Select(p => new IssuedPermit(p.Type, p.Number, links.Verification(p), p.ValidUntil)).ToList()),
            cancellationToken);

        log.Record(LogActors.Applicant(business.OwnerId), LogEntryTypes.Submission, application.Id, LogPayloads.Submission(decision));
        var decided = log.Record(LogActors.Engine, LogEntryTypes.Decision, application.Id, LogPayloads.ForDecision(decision));
        foreach (var permit in permits)
        {
            log.Record(LogActors.Engine, LogEntryTypes.PermitIssued, permit.Id, LogPayloads.ForPermit(permit));
        }

        foreach (var permit in ended)
        {
            log.Record(LogActors.Engine, LogEntryTypes.PermitReplaced, permit.Id, LogPayloads.ForReplacement(permit));
        }

        // An inspector's visit waiting on a permit the change ended is off (the permit in its place is visited anew).
        await visitsCalledOff.CallOffAsync(ended, now, cancellationToken);

        counters.Count(
            new ReportCounters.Counted(
                application.SubmissionDate,
                application.KecamatanCode ?? string.Empty,
                ReportCounters.SectorOf(application.KbliCodes, ruleSet.Definition.Kbli),
                application.PermitType,
                decision.Approved,
                decision.LatencyMs,
                decision.FailedRequirementIds));
        return new Recorded(permits, logSigner.Promise(decided), ended);
    }

    /// <summary>
    /// An approved change (perubahan) re-issues what it changed, against the business's permits in force: a type the
    /// changed business still needs is kept as it is when its activities and site are unchanged, and otherwise
    /// re-issued (valid from today to the end the replaced one had: a change does not renew); a type it needs newly is
    /// issued with its whole validity; a permit it no longer needs ends. The NIB is kept. Fills
    /// <paramref name="ended"/> with the permits that ended.
    /// </summary>
    private async Task<List<Permit>> ChangeAsync(PermitApplication application, IReadOnlyList<HeldPermit> held, IReadOnlyList<string> required, CompiledRuleSet ruleSet, List<Permit> ended, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = application.SubmissionDate;
        var issued = new List<Permit>();
        var kbli = application.KbliCodes.ToHashSet(StringComparer.Ordinal);
        foreach (var type in required.Where(t => t != PermitTypes.Nib))
        {
            var same = held.Where(h => h.Permit.Type == type).ToList();
            var unchanged = same.Count > 0 && same.All(h =>
                kbli.SetEquals(h.Permit.KbliCodes)
                && h.KelurahanCode == application.KelurahanCode
                && string.Equals(h.Address, application.Address, StringComparison.Ordinal));
            if (unchanged)
            {
                continue;
            }

            var number = await numbers.NewPermitNumberAsync(type, today, cancellationToken);
            var validity = ruleSet.Definition.PermitTypes.TryGetValue(type, out var definition) ? definition.ValidityMonths : null;
            var replaced = same.Select(h => h.Permit).ToList();
            var permit = Permit.Reissue(number, type, application.BusinessId, application.Id, application.KbliCodes, today, validity, replaced, signer.Sign, now);
            db.Permits.Add(permit);
            issued.Add(permit);
            ended.AddRange(replaced);
        }

        foreach (var permit in held.Select(h => h.Permit).Where(p => p.Type != PermitTypes.Nib && !required.Contains(p.Type)))
        {
            permit.ReplaceBy(null, application.Id, now);
            ended.Add(permit);
        }

        return issued;
    }

    /// <summary>
    /// An approved renewal issues the renewed permit only: the same type, with the validity its type has in the rule
    /// set in force, from the day after the old one ends. The NIB and the permits without an end carry on.
    /// </summary>
    private async Task<Permit> RenewAsync(Permit renewed, PermitApplication application, CompiledRuleSet ruleSet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = application.SubmissionDate;
        var number = await numbers.NewPermitNumberAsync(renewed.Type, today, cancellationToken);
        var validity = ruleSet.Definition.PermitTypes.TryGetValue(renewed.Type, out var definition) ? definition.ValidityMonths : null;
        var permit = renewed.RenewAs(number, application.Id, application.KbliCodes, today, validity, signer.Sign, now);
        db.Permits.Add(permit);
        return permit;
    }

    /// <summary>
    /// Issues what the rule set requires: the business's NIB on its first approval (kept for life), and each
    /// other permit with a number, its validity from its permit type and a signed verification code — except one the
    /// business holds in force already for the same activities at the same place (applying again after a permit
    /// ended, only the ended one is issued anew; a second copy of the one still held is not).
    /// </summary>
    private async Task<List<Permit>> IssuePermitsAsync(PermitApplication application, Business business, IReadOnlyList<string> required, CompiledRuleSet ruleSet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = application.SubmissionDate;
        var issued = new List<Permit>();
        var held = await HeldHereAsync(application, business, today, cancellationToken);
        foreach (var type in required.Where(t => !held.Contains(t)))
        {
            string number;
            if (type == PermitTypes.Nib)
            {
                if (business.Nib is not null)
                {
                    continue;
                }

                business.AssignNib(await numbers.NewNibAsync(cancellationToken));
                number = business.Nib!;
            }
            else
            {
                number = await numbers.NewPermitNumberAsync(type, today, cancellationToken);
            }

            var validity = ruleSet.Definition.PermitTypes.TryGetValue(type, out var definition) ? definition.ValidityMonths : null;
            var permit = Permit.Issue(number, type, business.Id, application.Id, application.KbliCodes, today, validity, signer.Sign, now);
            db.Permits.Add(permit);
            issued.Add(permit);
        }

        return issued;
    }

    /// <summary>The types of the permits in force the business holds for the application's activities at its place (the NIB aside).</summary>
    private async Task<HashSet<string>> HeldHereAsync(PermitApplication application, Business business, DateOnly today, CancellationToken cancellationToken)
    {
        if (business.Nib is null)
        {
            // No approval yet: nothing is held.
            return [];
        }

        var kbli = application.KbliCodes.ToHashSet(StringComparer.Ordinal);
        var permits = await (from permit in db.Permits.AsNoTracking()
                             join issuedBy in db.Applications.AsNoTracking() on permit.ApplicationId equals issuedBy.Id
                             where permit.BusinessId == business.Id && permit.Type != PermitTypes.Nib && permit.Status == PermitStatus.Active
                             select new { permit, issuedBy.KelurahanCode, issuedBy.Address })
            .ToListAsync(cancellationToken);
        return permits
            .Where(p => p.permit.StatusOn(today) == PermitStatus.Active && kbli.SetEquals(p.permit.KbliCodes)
                && p.KelurahanCode == application.KelurahanCode && string.Equals(p.Address, application.Address, StringComparison.Ordinal))
            .Select(p => p.permit.Type)
            .ToHashSet(StringComparer.Ordinal);
    }
}
