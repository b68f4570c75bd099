using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Domain.Cases;
using TipCases.Domain.Offices;
using TipCases.Domain.Victims;
using TipCases.Web.Auditing;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Configurations;

internal sealed class VictimConfiguration : IEntityTypeConfiguration<Victim>
{
    public void Configure(EntityTypeBuilder<Victim> builder)
    {
        builder.ToTable("victims");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Pseudonym).HasMaxLength(24).IsRequired();
        builder.HasIndex(v => v.Pseudonym).IsUnique();
        // Ciphertext only (see IdentityProtector); its values never reach the audit trail.
        builder.Property(v => v.IdentityCiphertext).HasColumnType("bytea").IsRequired().HasAnnotation(AuditAnnotations.NotAudited, true);
        builder.Property(v => v.Sex).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Nationality).HasMaxLength(VictimProfile.NationalityMaxLength);
        builder.Property(v => v.MigrationStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Disability).HasMaxLength(VictimProfile.DisabilityMaxLength);
        builder.Property(v => v.Languages).HasMaxLength(VictimProfile.LanguagesMaxLength);
        builder.PrimitiveCollection(v => v.Exploitation).ElementType(e => e.HasConversion<string>());
        builder.Property(v => v.IdentifiedBy).HasConversion<string>().HasMaxLength(40);
        builder.Property(v => v.ReferredTo).HasMaxLength(VictimProfile.ReferredToMaxLength);
        builder.Property(v => v.Willingness).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.ChildStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.ChildStatusReason).HasMaxLength(500);
        builder.Property(v => v.NonPunishmentNote).HasMaxLength(Victim.NonPunishmentNoteMaxLength);
        builder.Property(v => v.NonPunishmentReview).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Version).IsRowVersion();
        builder.HasOne<Office>().WithMany().HasForeignKey(v => v.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.LiaisonOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.OfficeId, v.ChildStatus });
        builder.HasIndex(v => v.LiaisonOfficerId);

        builder.HasMany(v => v.Cases).WithOne().HasForeignKey(l => l.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Measures).WithOne().HasForeignKey(m => m.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.SupportSteps).WithOne().HasForeignKey(s => s.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Threats).WithOne().HasForeignKey(t => t.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.InformationGiven).WithOne().HasForeignKey(i => i.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Residence).WithOne().HasForeignKey(r => r.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Claims).WithOne().HasForeignKey(c => c.VictimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VictimCaseConfiguration : IEntityTypeConfiguration<VictimCase>
{
    public void Configure(EntityTypeBuilder<VictimCase> builder)
    {
        builder.ToTable("case_victims");
        builder.HasKey(l => l.Id);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.VictimId, l.CaseId }).IsUnique();
        builder.HasIndex(l => l.CaseId);
    }
}

internal sealed class ProtectionMeasureConfiguration : IEntityTypeConfiguration<ProtectionMeasure>
{
    public void Configure(EntityTypeBuilder<ProtectionMeasure> builder)
    {
        builder.ToTable("victim_protection_measures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(60);
        builder.Property(m => m.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Notes).HasMaxLength(ProtectionMeasure.NotesMaxLength);
        builder.Property(m => m.Version).IsRowVersion();
        builder.Ignore(m => m.IsActive);
        builder.HasIndex(m => new { m.VictimId, m.Stage });
    }
}

internal sealed class SupportStepConfiguration : IEntityTypeConfiguration<SupportStep>
{
    public void Configure(EntityTypeBuilder<SupportStep> builder)
    {
        builder.ToTable("victim_support_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Summary).HasMaxLength(SupportStep.SummaryMaxLength).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.ByUserId).OnDelete(DeleteBehavior.Restrict);
        // "My work" and the case page: the latest step of each victim (latest day, then latest
        // entry), its id and follow-up date read from the index alone.
        builder.HasIndex(s => new { s.VictimId, s.TookPlaceOn, s.CreatedAt }).IsDescending(false, true, true)
            .IncludeProperties(s => new { s.Id, s.NextFollowUpOn });
        builder.HasIndex(s => s.NextFollowUpOn);
    }
}

internal sealed class ThreatIncidentConfiguration : IEntityTypeConfiguration<ThreatIncident>
{
    public void Configure(EntityTypeBuilder<ThreatIncident> builder)
    {
        builder.ToTable("victim_threats");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Description).HasMaxLength(ThreatIncident.DescriptionMaxLength).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.CaseId);
    }
}

internal sealed class InformationGivenConfiguration : IEntityTypeConfiguration<InformationGiven>
{
    public void Configure(EntityTypeBuilder<InformationGiven> builder)
    {
        builder.ToTable("victim_information_given");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Topic).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Channel).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Notes).HasMaxLength(InformationGiven.NotesMaxLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidenceRecordConfiguration : IEntityTypeConfiguration<ResidenceRecord>
{
    public void Configure(EntityTypeBuilder<ResidenceRecord> builder)
    {
        builder.ToTable("victim_residence");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Notes).HasMaxLength(ResidenceRecord.NotesMaxLength);
        builder.HasIndex(r => r.ExpiresOn);
    }
}

internal sealed class CompensationClaimConfiguration : IEntityTypeConfiguration<CompensationClaim>
{
    public void Configure(EntityTypeBuilder<CompensationClaim> builder)
    {
        builder.ToTable("victim_compensation_claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Route).HasConversion<string>().HasMaxLength(30);
        builder.PrimitiveCollection(c => c.Heads).ElementType(e => e.HasConversion<string>());
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.AmountClaimed).HasPrecision(18, 2);
        builder.Property(c => c.AmountAwarded).HasPrecision(18, 2);
        builder.Property(c => c.AmountPaid).HasPrecision(18, 2);
        builder.Property(c => c.AmountPaidFromAssets).HasPrecision(18, 2);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Notes).HasMaxLength(CompensationClaim.NotesMaxLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.CaseId);
    }
}
