using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Domain.Offices;

namespace TipCases.Web.Data.Configurations;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("offices");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(Office.CodeMaxLength).IsRequired();
        builder.Property(o => o.Name).HasMaxLength(Office.NameMaxLength).IsRequired();
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => o.Name).IsUnique();
    }
}
