using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.StartedAt });
    }
}

internal sealed class AuthenticatorUseConfiguration : IEntityTypeConfiguration<AuthenticatorUse>
{
    public void Configure(EntityTypeBuilder<AuthenticatorUse> builder)
    {
        builder.ToTable("authenticator_uses");
        builder.HasKey(u => u.UserId);
        builder.Property(u => u.UserId).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithOne().HasForeignKey<AuthenticatorUse>(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
