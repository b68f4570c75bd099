using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Web.Auditing;

namespace TipCases.Web.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEvent.ActorNameMaxLength).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength);
        builder.Property(e => e.EntityId).HasMaxLength(AuditEvent.EntityIdMaxLength);
        builder.Property(e => e.Details).HasColumnType("jsonb");
        builder.Property(e => e.RemoteAddress).HasMaxLength(AuditEvent.RemoteAddressMaxLength);
        // The audit search pages newest first, by actor, and by record.
        builder.HasIndex(e => new { e.OccurredAt, e.Id }).IsDescending();
        builder.HasIndex(e => new { e.ActorId, e.OccurredAt });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => new { e.CaseId, e.OccurredAt }).HasFilter("case_id IS NOT NULL");
        builder.HasIndex(e => new { e.VictimId, e.OccurredAt }).HasFilter("victim_id IS NOT NULL");
    }
}
