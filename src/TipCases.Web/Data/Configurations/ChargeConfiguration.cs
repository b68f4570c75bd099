using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Victims;
using TipCases.Web.Security;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Data.Configurations;

internal sealed class OffenceConfiguration : IEntityTypeConfiguration<Offence>
{
    public void Configure(EntityTypeBuilder<Offence> builder)
    {
        builder.ToTable("offences");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(Offence.CodeMaxLength).IsRequired();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Offence.NameMaxLength).IsRequired();
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Version).IsRowVersion();
        builder.Ignore(o => o.Label);
        // The catalogue as first installed (DOMAIN.md); administrators change it from then on.
        builder.HasData(DefaultOffences.All.Select(o => new
        {
            o.Id,
            o.Details.Code,
            o.Details.Name,
            o.Details.Kind,
            o.Details.BaseMaximumYears,
            o.Details.AggravatedMaximumYears,
            o.Details.IsActive,
        }));
    }
}

internal sealed class DefendantConfiguration : IEntityTypeConfiguration<Defendant>
{
    public void Configure(EntityTypeBuilder<Defendant> builder)
    {
        builder.ToTable("defendants");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(Defendant.NameMaxLength).IsRequired();
        builder.Property(d => d.Aliases).HasMaxLength(Defendant.AliasesMaxLength);
        builder.Property(d => d.Nationality).HasMaxLength(2).IsFixedLength();
        builder.Property(d => d.HabitualResidence).HasMaxLength(2).IsFixedLength();
        builder.Property(d => d.Custody).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.LegalForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.RegistrationNumber).HasMaxLength(Defendant.RegistrationMaxLength);
        builder.Property(d => d.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(d => d.ExtraditionRefusal).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.ExtraditionRefusalNote).HasMaxLength(Defendant.NoteMaxLength);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CaseId, d.CreatedAt });
    }
}

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> builder)
    {
        builder.ToTable("charges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.MentalElement).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Particulars).HasMaxLength(Charge.ParticularsMaxLength);
        builder.Property(c => c.IllegalEntryEvidence).HasMaxLength(ChargeFacts.EvidenceMaxLength);
        builder.Property(c => c.BenefitEvidence).HasMaxLength(ChargeFacts.EvidenceMaxLength);
        builder.Property(c => c.ConsentNote).HasMaxLength(ChargeFacts.EvidenceMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SentenceFineAmount).HasPrecision(18, 2);
        builder.Property(c => c.SentenceCompensationAmount).HasPrecision(18, 2);
        builder.Property(c => c.SentenceCurrency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.SentenceConfiscationNote).HasMaxLength(Sentence.NoteMaxLength);
        builder.Property(c => c.AppealBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AppealOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AppealNote).HasMaxLength(Appeal.NoteMaxLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.Acts);
        builder.Ignore(c => c.Means);
        builder.Ignore(c => c.Purposes);
        builder.Ignore(c => c.Exploitation);
        builder.Ignore(c => c.AggravatingCircumstances);
        builder.Ignore(c => c.VictimIds);
        builder.Ignore(c => c.Sentence);
        builder.Ignore(c => c.Appeal);
        builder.Ignore(c => c.RecordedFacts);
        builder.Ignore(c => c.Steps);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Defendant>().WithMany().HasForeignKey(c => c.DefendantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offence>().WithMany().HasForeignKey(c => c.OffenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ChangedBy).OnDelete(DeleteBehavior.Restrict);
        // The case page and the stage rules read a case's charges; outcomes are counted by status.
        builder.HasIndex(c => new { c.CaseId, c.Status });
        builder.HasIndex(c => c.DefendantId);
        builder.HasIndex(c => c.OffenceId);

        builder.HasMany(c => c.Facts).WithOne().HasForeignKey(f => f.ChargeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Victims).WithOne().HasForeignKey(v => v.ChargeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Aggravations).WithOne().HasForeignKey(a => a.ChargeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Proposals).WithOne().HasForeignKey(p => p.ChargeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.StatusHistory).WithOne().HasForeignKey(h => h.ChargeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChargeFactConfiguration : IEntityTypeConfiguration<ChargeFact>
{
    public void Configure(EntityTypeBuilder<ChargeFact> builder)
    {
        builder.ToTable("charge_facts");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Element).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Value).HasMaxLength(ChargeFact.ValueMaxLength).IsRequired();
        builder.Property(f => f.Evidence).HasMaxLength(ChargeFacts.EvidenceMaxLength).IsRequired();
        builder.HasIndex(f => new { f.ChargeId, f.Element, f.Value }).IsUnique();
    }
}

internal sealed class ChargeVictimConfiguration : IEntityTypeConfiguration<ChargeVictim>
{
    public void Configure(EntityTypeBuilder<ChargeVictim> builder)
    {
        builder.ToTable("charge_victims");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.AgeEvidence).HasMaxLength(ChargeFacts.EvidenceMaxLength);
        builder.HasOne<Victim>().WithMany().HasForeignKey(v => v.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ChargeId, v.VictimId }).IsUnique();
        builder.HasIndex(v => v.VictimId);
    }
}

internal sealed class ChargeAggravationConfiguration : IEntityTypeConfiguration<ChargeAggravation>
{
    public void Configure(EntityTypeBuilder<ChargeAggravation> builder)
    {
        builder.ToTable("charge_aggravations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Circumstance).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Evidence).HasMaxLength(ChargeFacts.EvidenceMaxLength).IsRequired();
        builder.HasIndex(a => new { a.ChargeId, a.Circumstance }).IsUnique();
    }
}

internal sealed class AggravationProposalConfiguration : IEntityTypeConfiguration<AggravationProposal>
{
    public void Configure(EntityTypeBuilder<AggravationProposal> builder)
    {
        builder.ToTable("charge_aggravation_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Circumstance).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Reason).HasMaxLength(AggravationProposal.ReasonMaxLength).IsRequired();
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DecisionNote).HasMaxLength(AggravationProposal.NoteMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ThreatIncident>().WithMany().HasForeignKey(p => p.ThreatIncidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.ChargeId, p.State });
        builder.HasIndex(p => p.ThreatIncidentId);
    }
}

internal sealed class ChargeStatusChangeConfiguration : IEntityTypeConfiguration<ChargeStatusChange>
{
    public void Configure(EntityTypeBuilder<ChargeStatusChange> builder)
    {
        builder.ToTable("charge_status_changes");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Note).HasMaxLength(Charge.StatusNoteMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(h => h.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.ChargeId, h.At });
    }
}
