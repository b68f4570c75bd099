using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Victims;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Configurations;

internal sealed class CooperationRequestConfiguration : IEntityTypeConfiguration<CooperationRequest>
{
    public void Configure(EntityTypeBuilder<CooperationRequest> builder)
    {
        builder.ToTable("cooperation_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CounterpartState).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(r => r.Authority).HasMaxLength(CooperationRequest.AuthorityMaxLength);
        builder.Property(r => r.LegalBasis).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.TreatyName).HasMaxLength(CooperationRequest.TreatyNameMaxLength);
        builder.Property(r => r.Subject).HasMaxLength(CooperationRequest.SubjectMaxLength).IsRequired();
        builder.PrimitiveCollection(r => r.Assistance).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(r => r.DefendantIds);
        builder.Property(r => r.Conditions).HasMaxLength(CooperationRequest.ConditionsMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RefusalGrounds).HasMaxLength(CooperationRequest.GroundsMaxLength);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.IsClosed);
        builder.Ignore(r => r.IsAwaitingAnswer);
        builder.Ignore(r => r.YieldsInformalMaterial);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Material).WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CaseId);
        // The register: what is awaited and when it is due.
        builder.HasIndex(r => new { r.Status, r.DueOn });
    }
}

internal sealed class RequestMaterialConfiguration : IEntityTypeConfiguration<RequestMaterial>
{
    public void Configure(EntityTypeBuilder<RequestMaterial> builder)
    {
        builder.ToTable("cooperation_request_material");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Description).HasMaxLength(RequestMaterial.DescriptionMaxLength).IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Were the covering request ever removed, the item would simply be flagged again.
        builder.HasOne<CooperationRequest>().WithMany().HasForeignKey(m => m.CoveredByRequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.CaseId);
    }
}

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Description).HasMaxLength(Asset.DescriptionMaxLength).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.Location).HasMaxLength(Asset.LocationMaxLength);
        builder.PrimitiveCollection(a => a.ChargeIds);
        builder.Property(a => a.PredicateNote).HasMaxLength(Asset.NoteMaxLength);
        builder.Property(a => a.CurrentStep).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Basis).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.EstimatedValue).HasPrecision(18, 2);
        builder.Property(a => a.EstimatedCurrency).HasMaxLength(3).IsFixedLength();
        builder.Property(a => a.RealisedValue).HasPrecision(18, 2);
        builder.Property(a => a.RealisedCurrency).HasMaxLength(3).IsFixedLength();
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.Allocated);
        builder.Ignore(a => a.Unallocated);
        builder.Ignore(a => a.StepDate);
        builder.Ignore(a => a.IsFinal);
        builder.Ignore(a => a.NextSteps);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Allocations).WithOne().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CaseId);
    }
}

internal sealed class AssetStepRecordConfiguration : IEntityTypeConfiguration<AssetStepRecord>
{
    public void Configure(EntityTypeBuilder<AssetStepRecord> builder)
    {
        builder.ToTable("asset_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(Asset.NoteMaxLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.AssetId, s.On });
    }
}

internal sealed class AssetAllocationConfiguration : IEntityTypeConfiguration<AssetAllocation>
{
    public void Configure(EntityTypeBuilder<AssetAllocation> builder)
    {
        builder.ToTable("asset_allocations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        // A claim that was paid from assets is not deleted behind the allocation's back.
        builder.HasOne<CompensationClaim>().WithMany().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ClaimId);
    }
}
