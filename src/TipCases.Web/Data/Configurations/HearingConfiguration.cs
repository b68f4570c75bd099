using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Domain.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Configurations;

internal sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> builder)
    {
        builder.ToTable("hearings");
        builder.HasKey(h => h.Id);
        // timestamptz: an instant, shown in the office's time zone (OfficeTime).
        builder.Property(h => h.StartsAt).HasColumnType("timestamp with time zone");
        builder.Property(h => h.Court).HasMaxLength(Hearing.CourtMaxLength).IsRequired();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Outcome).HasMaxLength(Hearing.OutcomeMaxLength);
        builder.Property(h => h.Version).IsRowVersion();
        builder.Ignore(h => h.IsScheduled);
        builder.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(h => h.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        // A case's hearings by date; the upcoming hearings of many cases by date.
        builder.HasIndex(h => new { h.CaseId, h.StartsAt });
        builder.HasIndex(h => h.StartsAt).HasFilter("status = 'Scheduled'");
        builder.HasMany(h => h.Witnesses).WithOne().HasForeignKey(w => w.HearingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HearingWitnessConfiguration : IEntityTypeConfiguration<HearingWitness>
{
    public void Configure(EntityTypeBuilder<HearingWitness> builder)
    {
        builder.ToTable("hearing_witnesses");
        builder.HasKey(w => w.Id);
        builder.HasOne<Case>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Victim>().WithMany().HasForeignKey(w => w.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.HearingId, w.VictimId }).IsUnique();
        builder.HasIndex(w => w.VictimId);
        builder.HasIndex(w => w.CaseId);
    }
}
