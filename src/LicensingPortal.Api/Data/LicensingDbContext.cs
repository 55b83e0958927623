using LicensingPortal.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Data;

/// <summary>
/// The unit of work. The model is shared; each database provider has its own subclass so that each keeps
/// its own migrations (see docs/adr/0003-two-providers.md).
/// </summary>
public abstract class LicensingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<PermitApplication> Applications => Set<PermitApplication>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Business>(business =>
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
        });

        modelBuilder.Entity<PermitApplication>(application =>
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
            application.HasOne(a => a.Decision).WithOne().HasForeignKey<Decision>(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            application.HasIndex(a => a.BusinessId);
            application.HasIndex(a => a.SubmittedAt);
        });

        modelBuilder.Entity<Decision>(decision =>
        {
            decision.ToTable("decisions");
            decision.HasKey(d => d.Id);
            decision.Property(d => d.RuleSetId).HasMaxLength(100);
            decision.Property(d => d.RuleSetHash).HasMaxLength(64);
            decision.Property(d => d.Scale).HasMaxLength(20);
            decision.Property(d => d.RiskLevel).HasMaxLength(40);
            decision.HasIndex(d => d.ApplicationId).IsUnique();
            decision.HasIndex(d => d.DecidedAt);
            decision.HasOne<RuleSetVersion>().WithMany().HasForeignKey(d => d.RuleSetHash).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("outbox_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Type).HasMaxLength(60);
            message.HasIndex(m => new { m.ProcessedAt, m.CreatedAt });
        });

        modelBuilder.Entity<RuleSetVersion>(version =>
        {
            version.ToTable("rule_set_versions");
            version.HasKey(v => v.Hash);
            version.Property(v => v.Hash).HasMaxLength(64);
            version.Property(v => v.RuleSetId).HasMaxLength(100);
        });
    }
}
