using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Domain.Cases;
using TipCases.Domain.Jurisdiction;

namespace TipCases.Web.Data.Configurations;

internal sealed class CaseJurisdictionConfiguration : IEntityTypeConfiguration<CaseJurisdiction>
{
    public void Configure(EntityTypeBuilder<CaseJurisdiction> builder)
    {
        builder.ToTable("case_jurisdiction");
        // One row per case, keyed by the case's id.
        builder.HasKey(j => j.CaseId);
        builder.HasOne<Case>().WithOne().HasForeignKey<CaseJurisdiction>(j => j.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.AimNote).HasMaxLength(CaseJurisdiction.AimNoteMaxLength);
        builder.Property(j => j.Notes).HasMaxLength(CaseJurisdiction.NotesMaxLength);
        builder.Property(j => j.Version).IsRowVersion();
        builder.HasMany(j => j.Places).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlaceOfConductConfiguration : IEntityTypeConfiguration<PlaceOfConduct>
{
    public void Configure(EntityTypeBuilder<PlaceOfConduct> builder)
    {
        builder.ToTable("case_places_of_conduct");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(p => p.Description).HasMaxLength(PlaceOfConduct.DescriptionMaxLength);
        builder.HasIndex(p => new { p.CaseId, p.Kind, p.CountryCode }).IsUnique();
    }
}
