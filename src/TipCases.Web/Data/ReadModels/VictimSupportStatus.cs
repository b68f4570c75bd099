using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using TipCases.Domain.Victims;

namespace TipCases.Web.Data.ReadModels;

/// <summary>
/// A victim's latest support step (latest day, then latest entry, as <see cref="Victim.NextFollowUp"/>
/// defines it) and liaison officer, one row per victim, kept by database triggers (see the
/// ScaleIndexes migration) and never written by the app. "My work" lists a liaison officer's due
/// follow-ups and victims without recent support from it through an index on the officer, instead
/// of finding the latest step of every one of their victims on each visit.
/// </summary>
public sealed class VictimSupportStatus
{
    public Guid VictimId { get; private set; }

    public Guid? LiaisonOfficerId { get; private set; }

    public DateOnly? LatestStepOn { get; private set; }

    public DateTimeOffset? LatestStepCreatedAt { get; private set; }

    public Guid? LatestStepCaseId { get; private set; }

    /// <summary>The follow-up date the latest step set.</summary>
    public DateOnly? NextFollowUpOn { get; private set; }
}

internal sealed class VictimSupportStatusConfiguration : IEntityTypeConfiguration<VictimSupportStatus>
{
    public void Configure(EntityTypeBuilder<VictimSupportStatus> builder)
    {
        builder.ToTable("victim_support_status");
        builder.HasKey(s => s.VictimId);
        builder.HasOne<Victim>().WithOne().HasForeignKey<VictimSupportStatus>(s => s.VictimId).OnDelete(DeleteBehavior.Cascade);
        // Follow-ups due, soonest first; victims without a recent step, those with none first.
        builder.HasIndex(s => new { s.LiaisonOfficerId, s.NextFollowUpOn });
        builder.HasIndex(s => new { s.LiaisonOfficerId, s.LatestStepOn }).HasNullSortOrder(NullSortOrder.Unspecified, NullSortOrder.NullsFirst);
    }
}
