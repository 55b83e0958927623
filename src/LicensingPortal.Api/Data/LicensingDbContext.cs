using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace LicensingPortal.Api.Data;

/// <summary>
/// The unit of work. The model is shared; each database provider has its own subclass so that each keeps
/// its own migrations (see docs/adr/0003-two-providers.md).
/// </summary>
public abstract class LicensingDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Business> Businesses => Set<Business>();

    /// <summary>
    /// Takes a business's row until the transaction ends (a write that changes nothing): renewing, changing, closing
    /// and revoking take it first, so one waits for another to commit and then reads what it left. SQLite has one
    /// writer anyway.
    /// </summary>
    public Task LockBusinessAsync(Guid businessId, CancellationToken cancellationToken) =>
        Businesses.Where(b => b.Id == businessId).ExecuteUpdateAsync(set => set.SetProperty(b => b.ClosedAt, b => b.ClosedAt), cancellationToken);

    /// <summary>
    /// Waits for the turn named <paramref name="turn"/> and holds it until the transaction ends, for a count that no row
    /// of its own stands for (PostgreSQL: a transaction-level advisory lock). SQLite's units take the database's one
    /// write lock as they begin, so theirs is already taken.
    /// </summary>
    public Task TakeTurnAsync(long turn, CancellationToken cancellationToken) =>
        Database.IsSqlite() ? Task.CompletedTask : Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({turn})", cancellationToken);

    /// <summary>Takes an account's row until the transaction ends (a write that changes nothing): what one account sends is then counted one at a time.</summary>
    public Task LockAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        Users.Where(u => u.Id == accountId).ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredLanguage, u => u.PreferredLanguage), cancellationToken);

    public DbSet<BusinessChange> BusinessChanges => Set<BusinessChange>();

    public DbSet<PermitApplication> Applications => Set<PermitApplication>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<ApplicationDraft> ApplicationDrafts => Set<ApplicationDraft>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<Permit> Permits => Set<Permit>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<InboxNotification> InboxNotifications => Set<InboxNotification>();

    public DbSet<PermitReminder> PermitReminders => Set<PermitReminder>();

    public DbSet<TransparencyLogEntry> TransparencyLog => Set<TransparencyLogEntry>();

    public DbSet<TransparencyLogHead> TransparencyLogHead => Set<TransparencyLogHead>();

    public DbSet<TransparencyCheckpoint> TransparencyCheckpoints => Set<TransparencyCheckpoint>();

    public DbSet<DecisionNote> DecisionNotes => Set<DecisionNote>();

    public DbSet<WhatIfRun> WhatIfRuns => Set<WhatIfRun>();

    public DbSet<DailyDecisionCount> DailyDecisionCounts => Set<DailyDecisionCount>();

    public DbSet<DailyLatencyBucket> DailyLatencyBuckets => Set<DailyLatencyBucket>();

    public DbSet<DailyRequirementFailure> DailyRequirementFailures => Set<DailyRequirementFailure>();

    public DbSet<MonthlyLatencyBucket> MonthlyLatencyBuckets => Set<MonthlyLatencyBucket>();

    public DbSet<DecisionContribution> DecisionContributions => Set<DecisionContribution>();

    public DbSet<RequirementFailureContribution> RequirementFailureContributions => Set<RequirementFailureContribution>();

    public DbSet<DailyDeliveryCount> DailyDeliveryCounts => Set<DailyDeliveryCount>();

    /// <summary>Data-protection keys (they sign bearer tokens and confirmation codes), shared by every instance.</summary>
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<AccountRecovery> AccountRecoveries => Set<AccountRecovery>();

    public DbSet<StaffChange> StaffChanges => Set<StaffChange>();

    public DbSet<LevyReport> LevyReports => Set<LevyReport>();

    public DbSet<LevyReportAnswer> LevyReportAnswers => Set<LevyReportAnswer>();

    public DbSet<LevyReportOpening> LevyReportOpenings => Set<LevyReportOpening>();

    public DbSet<LevyReportEvidence> LevyReportEvidence => Set<LevyReportEvidence>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<InspectionVisit> InspectionVisits => Set<InspectionVisit>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<HolidayYear> HolidayYears => Set<HolidayYear>();

    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();

    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();

    public DbSet<DocumentView> DocumentViews => Set<DocumentView>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.PreferredLanguage).HasMaxLength(5);
            user.Property(u => u.WebhookUrl).HasMaxLength(500);
            user.Property(u => u.WebhookSecret).HasMaxLength(100);
            user.Ignore(u => u.IsActive);
        });
        builder.Entity<StaffInvitation>(invitation =>
        {
            invitation.ToTable("staff_invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.TokenSha256).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenSha256).IsUnique();
            invitation.HasIndex(i => i.AccountId);
            invitation.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AccountRecovery>(recovery =>
        {
            recovery.ToTable("account_recoveries");
            recovery.HasKey(r => r.Id);
            recovery.Property(r => r.AccountEmail).HasMaxLength(254);
            recovery.Property(r => r.NewEmail).HasMaxLength(254);
            recovery.Property(r => r.OwnerName).HasMaxLength(AccountRecovery.NameMaxLength);
            recovery.Property(r => r.Nik).HasMaxLength(16);
            recovery.Property(r => r.Contact).HasMaxLength(AccountRecovery.ContactMaxLength);
            recovery.Property(r => r.Language).HasMaxLength(5);
            recovery.Property(r => r.Lost).HasConversion<string>().HasMaxLength(10);
            recovery.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
            recovery.Property(r => r.PhotoKey).HasMaxLength(200);
            recovery.Property(r => r.PhotoType).HasMaxLength(50);
            recovery.Property(r => r.PhotoSha256).HasMaxLength(64);
            recovery.Property(r => r.RefusalReason).HasMaxLength(AccountRecovery.ReasonMaxLength);
            recovery.Property(r => r.ConfirmTokenSha256).HasMaxLength(64);
            recovery.HasIndex(r => r.ConfirmTokenSha256).IsUnique();
            recovery.HasIndex(r => new { r.Status, r.AskedAt });
            recovery.HasIndex(r => r.AccountId);
        });
        builder.Entity<StaffChange>(change =>
        {
            change.ToTable("staff_changes");
            change.HasKey(c => c.Id);
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Roles).HasMaxLength(100);
            change.Ignore(c => c.RoleList);
            change.HasIndex(c => c.At);
            change.HasIndex(c => c.AccountId);
        });
        builder.Entity<LevyReport>(report =>
        {
            report.ToTable("levy_reports");
            report.HasKey(r => r.Id);
            report.Property(r => r.WhatHappened).HasMaxLength(LevyReport.WhatHappenedMaxLength);
            report.Property(r => r.Place).HasMaxLength(LevyReport.PlaceMaxLength);
            report.Property(r => r.Contact).HasMaxLength(LevyReport.ContactMaxLength);
            report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.Number).HasMaxLength(12);
            report.Property(r => r.FollowUpCodeSha256).HasMaxLength(64);
            // Unique, so a number cited in a memo names one report: a new report whose 40 random bits clash takes another id.
            report.HasIndex(r => r.Number).IsUnique();
            report.HasIndex(r => r.WaitingSince);
            report.HasIndex(r => new { r.ReporterId, r.ReceivedAt });
            // A reporter's account may go; the report stays, unnamed.
            report.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<LevyReportAnswer>(answer =>
        {
            answer.ToTable("levy_report_answers");
            answer.HasKey(a => a.Id);
            answer.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            answer.Property(a => a.Message).HasMaxLength(LevyReport.AnswerMaxLength);
            answer.Ignore(a => a.FromReporter);
            answer.HasIndex(a => new { a.ReportId, a.At });
            answer.HasOne<LevyReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LevyReportEvidence>(evidence =>
        {
            evidence.ToTable("levy_report_evidence");
            evidence.HasKey(e => e.Id);
            evidence.Property(e => e.FileName).HasMaxLength(255);
            evidence.Property(e => e.ContentType).HasMaxLength(100);
            evidence.Property(e => e.Sha256).HasMaxLength(64);
            evidence.Property(e => e.StorageKey).HasMaxLength(200);
            evidence.HasIndex(e => new { e.ReportId, e.AddedAt, e.Position });
            evidence.HasOne<LevyReport>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
            evidence.HasOne<LevyReportAnswer>().WithMany().HasForeignKey(e => e.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LevyReportOpening>(opening =>
        {
            opening.ToTable("levy_report_openings");
            opening.HasKey(o => o.Id);
            opening.HasIndex(o => new { o.ReportId, o.At });
            opening.HasOne<LevyReportEvidence>().WithMany().HasForeignKey(o => o.EvidenceId).OnDelete(DeleteBehavior.Cascade);
            opening.HasOne<LevyReport>().WithMany().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SignInAttempt>(attempt =>
        {
            attempt.ToTable("sign_in_attempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Address).HasMaxLength(45);
            attempt.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
            attempt.HasIndex(a => new { a.AccountId, a.At });
            attempt.HasIndex(a => a.At);
        });
        builder.Entity<DocumentContent>(content =>
        {
            content.ToTable("document_contents");
            content.HasKey(c => c.Key);
            content.Property(c => c.Key).HasMaxLength(80);
        });
        builder.Entity<DocumentView>(view =>
        {
            view.ToTable("document_views");
            view.HasKey(v => v.Id);
            view.HasIndex(v => new { v.OfficerId, v.At });
            view.HasIndex(v => v.DocumentId);
        });
        builder.Entity<AccountSession>(session =>
        {
            session.ToTable("account_sessions");
            session.HasKey(a => a.Id);
            session.HasIndex(a => a.AccountId);
            session.Property(a => a.Device).HasMaxLength(AccountSession.DeviceMaxLength);
        });
        builder.Entity<Business>(business =>
        {
            business.ToTable("businesses");
            business.HasKey(b => b.Id);
            business.Property(b => b.Name).HasMaxLength(200);
            business.Property(b => b.OwnerName).HasMaxLength(200);
            business.Property(b => b.LegalForm).HasConversion<string>().HasMaxLength(20);
            business.Property(b => b.InvestmentType).HasConversion<string>().HasMaxLength(10);
            business.Property(b => b.OwnerNik).HasMaxLength(16);
            business.Property(b => b.Npwp).HasMaxLength(16);
            business.Property(b => b.Address).HasMaxLength(500);
            business.Property(b => b.Email).HasMaxLength(254);
            business.Property(b => b.Phone).HasMaxLength(30);
            business.Property(b => b.Nib).HasMaxLength(13);
            business.HasIndex(b => b.Nib).IsUnique();
            business.HasIndex(b => b.OwnerId);
            business.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BusinessChange>(change =>
        {
            change.ToTable("business_changes");
            change.HasKey(c => c.Id);
            change.Property(c => c.Field).HasMaxLength(20);
            change.Property(c => c.Before).HasMaxLength(500);
            change.Property(c => c.After).HasMaxLength(500);
            change.HasIndex(c => new { c.BusinessId, c.ChangedAt });
            change.HasOne<Business>().WithMany().HasForeignKey(c => c.BusinessId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PermitApplication>(application =>
        {
            application.ToTable("applications");
            application.HasKey(a => a.Id);
            application.HasOne<Business>().WithMany().HasForeignKey(a => a.BusinessId).OnDelete(DeleteBehavior.Restrict);
            application.Property(a => a.PermitType).HasMaxLength(40);
            application.Property(a => a.KelurahanCode).HasMaxLength(20);
            application.Property(a => a.KecamatanCode).HasMaxLength(10);
            application.Property(a => a.Address).HasMaxLength(500);
            application.Property(a => a.Latitude).HasPrecision(9, 6);
            application.Property(a => a.Longitude).HasPrecision(9, 6);
            application.Property(a => a.LandAreaM2).HasPrecision(14, 2);
            application.Property(a => a.BuildingAreaM2).HasPrecision(14, 2);
            application.Property(a => a.EnvironmentalDocument).HasMaxLength(20);
            application.Property(a => a.BuildingApprovalNumber).HasMaxLength(60);
            application.Property(a => a.Language).HasMaxLength(5);
            application.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            application.ComplexProperty(a => a.Investment);
            application.Ignore(a => a.Boundary);
            application.HasOne(a => a.Decision).WithOne().HasForeignKey<Decision>(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            application.HasIndex(a => a.BusinessId);
            application.HasIndex(a => a.PreviousApplicationId).IsUnique();
            application.HasOne<PermitApplication>().WithMany().HasForeignKey(a => a.PreviousApplicationId).OnDelete(DeleteBehavior.Restrict);
            application.HasOne<Permit>().WithMany().HasForeignKey(a => a.RenewsPermitId).OnDelete(DeleteBehavior.Restrict);
            application.HasOne<PermitApplication>().WithMany().HasForeignKey(a => a.ChangesApplicationId).OnDelete(DeleteBehavior.Restrict);
            application.HasIndex(a => a.SubmittedAt);
        });

        builder.Entity<ApplicationDraft>(draft =>
        {
            draft.ToTable("application_drafts");
            draft.HasKey(d => d.Id);
            draft.Ignore(d => d.Submitted);
            draft.HasIndex(d => new { d.OwnerId, d.UpdatedAt });
            draft.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Decision>(decision =>
        {
            decision.ToTable("decisions");
            decision.HasKey(d => d.Id);
            decision.Ignore(d => d.Trace);
            decision.Ignore(d => d.Facts);
            decision.Property(d => d.RuleSetId).HasMaxLength(100);
            decision.Property(d => d.RuleSetHash).HasMaxLength(64);
            decision.Property(d => d.Scale).HasMaxLength(20);
            decision.Property(d => d.RiskLevel).HasMaxLength(40);
            decision.HasIndex(d => d.ApplicationId).IsUnique();
            decision.HasIndex(d => d.DecidedAt);
            decision.HasOne<RuleSetVersion>().WithMany().HasForeignKey(d => d.RuleSetHash).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("outbox_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Type).HasMaxLength(60);
            message.Property(m => m.Channel).HasMaxLength(20);
            message.HasIndex(m => new { m.ProcessedAt, m.CreatedAt });
            message.HasIndex(m => m.DeadLetteredAt);
            // Undelivered messages (pending, retrying, dead-lettered) are few; the health report counts them here.
            message.HasIndex(m => new { m.Channel, m.Attempts, m.DeadLetteredAt }).HasDatabaseName("ix_outbox_messages_undelivered").HasFilter("processed_at IS NULL");
        });

        builder.Entity<Document>(document =>
        {
            document.ToTable("documents");
            document.HasKey(d => d.Id);
            document.Property(d => d.Kind).HasMaxLength(40);
            document.Property(d => d.ContentType).HasMaxLength(100);
            document.Property(d => d.FileName).HasMaxLength(255);
            document.Property(d => d.Sha256).HasMaxLength(64);
            document.Property(d => d.StorageKey).HasMaxLength(200);
            document.HasIndex(d => d.OwnerId);
            document.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Permit>(permit =>
        {
            permit.ToTable("permits");
            permit.HasKey(p => p.Id);
            permit.Property(p => p.Number).HasMaxLength(40);
            permit.Property(p => p.Type).HasMaxLength(40);
            permit.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            permit.Property(p => p.VerificationCode).HasMaxLength(64);
            permit.Property(p => p.RevocationReason).HasMaxLength(1000);
            permit.HasIndex(p => p.Number).IsUnique();
            permit.HasIndex(p => p.BusinessId);
            permit.HasIndex(p => p.ValidUntil);
            permit.HasOne<Business>().WithMany().HasForeignKey(p => p.BusinessId).OnDelete(DeleteBehavior.Restrict);
            permit.HasOne<PermitApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);

            // A permit is renewed once: a second approved renewal of it fails here even if it raced past the check.
            permit.HasIndex(p => p.RenewsPermitId).IsUnique();
            permit.HasOne<Permit>().WithMany().HasForeignKey(p => p.RenewsPermitId).OnDelete(DeleteBehavior.Restrict);
            permit.HasOne<Permit>().WithMany().HasForeignKey(p => p.ReplacedByPermitId).OnDelete(DeleteBehavior.Restrict);
            permit.HasOne<PermitApplication>().WithMany().HasForeignKey(p => p.ReplacedByApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_records");
            record.HasKey(r => r.Id);
            record.Property(r => r.Key).HasMaxLength(200);
            record.Property(r => r.RequestHash).HasMaxLength(64);
            record.Property(r => r.ContentType).HasMaxLength(200);
            record.Property(r => r.Location).HasMaxLength(500);
            record.Property(r => r.BodyEncoding).HasMaxLength(10);
            record.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        });

        builder.Entity<InboxNotification>(notification =>
        {
            notification.ToTable("inbox_notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Type).HasMaxLength(60);
            notification.Property(n => n.Title).HasMaxLength(InboxNotification.TitleMaxLength);
            notification.Property(n => n.Body).HasMaxLength(InboxNotification.BodyMaxLength);
            notification.Property(n => n.TitleEn).HasMaxLength(InboxNotification.TitleMaxLength);
            notification.Property(n => n.BodyEn).HasMaxLength(InboxNotification.BodyMaxLength);
            notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        });

        builder.Entity<PermitReminder>(reminder =>
        {
            reminder.ToTable("permit_reminders");
            reminder.HasKey(r => new { r.PermitId, r.DaysBefore });
        });

        builder.Entity<TransparencyLogEntry>(entry =>
        {
            entry.ToTable("transparency_log");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.Sequence).IsUnique();
            // The entries waiting for the integrator, found without reading the integrated ones.
            entry.HasIndex(e => e.Id, "ix_transparency_log_waiting").HasFilter("sequence IS NULL");
            entry.Property(e => e.Actor).HasMaxLength(100);
            entry.Property(e => e.Type).HasMaxLength(40);
            entry.Property(e => e.PayloadSha256).HasMaxLength(64);
            entry.HasIndex(e => e.SubjectId);
        });

        builder.Entity<InspectionVisit>(visit =>
        {
            visit.ToTable("inspection_visits");
            visit.HasKey(v => v.Id);
            visit.Property(v => v.Agency).HasMaxLength(InspectionVisit.AgencyMaxLength);
            visit.Property(v => v.InspectorName).HasMaxLength(InspectionVisit.NameMaxLength);
            visit.Property(v => v.InspectorNip).HasMaxLength(18);
            visit.Property(v => v.Findings).HasMaxLength(InspectionVisit.FindingsMaxLength);
            visit.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(10);
            visit.Ignore(v => v.IsWaiting);
            visit.HasIndex(v => v.PermitId);
            visit.HasIndex(v => v.BusinessId);
            visit.HasOne<Permit>().WithMany().HasForeignKey(v => v.PermitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Objection>(objection =>
        {
            objection.ToTable("objections");
            objection.HasKey(o => o.Id);
            objection.Property(o => o.Reason).HasMaxLength(Objection.ReasonMaxLength);
            objection.Property(o => o.Answer).HasMaxLength(Objection.AnswerMaxLength);
            objection.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(20);
            objection.Ignore(o => o.IsAnswered);
            // The appeal to the mayor is part of the objection (one each, in its row): present once its reason is.
            objection.OwnsOne(o => o.Appeal, appeal =>
            {
                appeal.Property(a => a.Reason).HasMaxLength(ObjectionAppeal.ReasonMaxLength).IsRequired();
                appeal.Property(a => a.Answer).HasMaxLength(Objection.AnswerMaxLength);
                appeal.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
                appeal.Ignore(a => a.IsAnswered);
                appeal.HasIndex(a => new { a.AnsweredAt, a.AnswerDueOn });
            });
            // One objection an application: a second sending, at once or later, finds the first.
            objection.HasIndex(o => o.ApplicationId).IsUnique();
            objection.HasIndex(o => new { o.AnsweredAt, o.AnswerDueOn });
            objection.HasOne<PermitApplication>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Question>(question =>
        {
            question.ToTable("questions");
            question.HasKey(q => q.Id);
            question.Property(q => q.Text).HasMaxLength(Question.TextMaxLength);
            question.Property(q => q.Answer).HasMaxLength(Question.AnswerMaxLength);
            question.Property(q => q.Topic).HasConversion<string>().HasMaxLength(20);
            question.Ignore(q => q.IsAnswered);
            question.HasIndex(q => new { q.AskerId, q.AskedAt });
            question.HasIndex(q => new { q.AnsweredAt, q.AnswerDueOn });
            question.HasOne<ApplicationUser>().WithMany().HasForeignKey(q => q.AskerId).OnDelete(DeleteBehavior.Restrict);
            question.HasOne<PermitApplication>().WithMany().HasForeignKey(q => q.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Holiday>(holiday =>
        {
            holiday.ToTable("holidays");
            holiday.HasKey(h => h.Date);
            holiday.Property(h => h.Name).HasMaxLength(Holiday.NameMaxLength);
            holiday.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<HolidayYear>(year =>
        {
            year.ToTable("holiday_years");
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
            year.Property(y => y.Basis).HasMaxLength(HolidayYear.BasisMaxLength);
        });

        builder.Entity<DecisionNote>(note =>
        {
            note.ToTable("decision_notes");
            note.HasKey(n => n.Id);
            note.Property(n => n.Text).HasMaxLength(4000);
            note.HasIndex(n => n.ApplicationId);
        });

        builder.Entity<WhatIfRun>(run =>
        {
            run.ToTable("what_if_runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.DraftHash).HasMaxLength(64);
            run.Property(r => r.DraftTitle).HasMaxLength(WhatIfRun.MaxTitleLength).HasDefaultValue(string.Empty);
            run.Property(r => r.DraftTitleEnglish).HasMaxLength(WhatIfRun.MaxTitleLength).HasDefaultValue(string.Empty);
            run.Ignore(r => r.Title);
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            run.Property(r => r.Error).HasMaxLength(2000);
        });

        builder.Entity<DailyDecisionCount>(count =>
        {
            count.ToTable("daily_decision_counts");
            count.HasKey(c => new { c.Day, c.Kecamatan, c.Sector, c.PermitType, c.Approved });
            count.Property(c => c.Kecamatan).HasMaxLength(10);
            count.Property(c => c.Sector).HasMaxLength(40);
            count.Property(c => c.PermitType).HasMaxLength(40);
        });

        builder.Entity<DailyLatencyBucket>(bucket =>
        {
            bucket.ToTable("daily_latency_buckets");
            bucket.HasKey(b => new { b.Day, b.UpperBoundMs });
        });

        builder.Entity<DailyRequirementFailure>(failure =>
        {
            failure.ToTable("daily_requirement_failures");
            failure.HasKey(f => new { f.Day, f.RequirementId });
            failure.Property(f => f.RequirementId).HasMaxLength(100);
        });

        builder.Entity<MonthlyLatencyBucket>(bucket =>
        {
            bucket.ToTable("monthly_latency_buckets");
            bucket.HasKey(b => new { b.Month, b.Dimension, b.Key, b.UpperBoundMs });
            bucket.Property(b => b.Dimension).HasMaxLength(20);
            bucket.Property(b => b.Key).HasMaxLength(40);
        });

        builder.Entity<DecisionContribution>(contribution =>
        {
            contribution.ToTable("decision_contributions");
            contribution.HasKey(c => c.Id);
            contribution.Property(c => c.Kecamatan).HasMaxLength(10);
            contribution.Property(c => c.Sector).HasMaxLength(40);
            contribution.Property(c => c.PermitType).HasMaxLength(40);
        });

        builder.Entity<RequirementFailureContribution>(contribution =>
        {
            contribution.ToTable("requirement_failure_contributions");
            contribution.HasKey(c => c.Id);
            contribution.Property(c => c.RequirementId).HasMaxLength(100);
        });

        builder.Entity<DailyDeliveryCount>(count =>
        {
            count.ToTable("daily_delivery_counts");
            count.HasKey(c => new { c.Day, c.Channel, c.Slot });
            count.Property(c => c.Channel).HasMaxLength(20);
        });

        builder.Entity<TransparencyCheckpoint>(checkpoint =>
        {
            checkpoint.ToTable("transparency_checkpoints");
            checkpoint.HasKey(c => c.TreeSize);
            checkpoint.Property(c => c.TreeSize).ValueGeneratedNever();
        });

        builder.Entity<TransparencyLogHead>(head =>
        {
            head.ToTable("transparency_log_head");
            head.HasKey(h => h.Id);
            head.Property(h => h.Id).ValueGeneratedNever();
            head.HasData(new TransparencyLogHead { Id = 1, Size = 0 });
        });

        builder.Entity<DataProtectionKey>(key => key.ToTable("data_protection_keys"));

        builder.Entity<RuleSetVersion>(version =>
        {
            version.ToTable("rule_set_versions");
            version.HasKey(v => v.Hash);
            version.Property(v => v.Hash).HasMaxLength(64);
            version.Property(v => v.RuleSetId).HasMaxLength(100);
        });

        // Lists of codes and ids (KBLI codes, declarations, document ids, failed requirements…) compare element by
        // element through plain static methods: the providers' own comparers for primitive collections build a
        // nested delegate on every comparison, which a profile of submissions under load showed in every save.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(List<string>))
            {
                property.SetValueComparer(ListComparer<string>.Instance);
            }
            else if (property.ClrType == typeof(List<Guid>))
            {
                property.SetValueComparer(ListComparer<Guid>.Instance);
            }
        }
    }
}
