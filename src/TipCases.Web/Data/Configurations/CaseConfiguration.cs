using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using TipCases.Domain.Cases;
using TipCases.Domain.Offices;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(CaseReference.MaxLength).IsRequired();
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(Case.TitleMaxLength).IsRequired();
        builder.Property(c => c.Summary).HasMaxLength(Case.SummaryMaxLength);
        builder.Property(c => c.Approach).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Origin).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);

        // Title words and reference, searched with PostgreSQL full-text search ("simple": no
        // stemming, so names and places match as typed).
        // A shadow property: the domain knows nothing of PostgreSQL types.
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('simple', reference || ' ' || title)", stored: true);
        builder.HasIndex(SearchVector).HasMethod("GIN");

        // The list's filters and its default order (newest first), always within one office.
        builder.HasIndex(c => new { c.OfficeId, c.OpenedOn, c.Id });
        // A stage filter, newest first, walks only that stage's cases (at a million cases, a walk of
        // every case newest first passes tens of thousands of recent ones before the first in trial).
        builder.HasIndex(c => new { c.OfficeId, c.Stage, c.OpenedOn, c.Id });
        // A reference or its start typed into the search (LIKE 'CPO-2026-0001%'): the unique index
        // above serves LIKE only under the C collation, this one under any.
        builder.HasIndex(c => c.Reference, "ReferencePrefix").HasDatabaseName("ix_cases_reference_prefix").HasOperators("varchar_pattern_ops");
        // Open cases of an office (the supervisor's count on "My work", open caseloads): at a million
        // cases three in four are closed or discontinued, and this index skips them. Deliberately
        // without the opening date: ordered by it, the planner would walk it for a stage filter.
        builder.HasIndex(c => c.OfficeId, "OpenCases").HasDatabaseName("ix_cases_office_id_open")
            .HasFilter("stage NOT IN ('Closed', 'Discontinued')");

        builder.HasMany(c => c.Team).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.StageHistory).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Links).WithOne().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("case_team_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CaseId, m.UserId }).IsUnique();
        // "My cases" and the access rule look cases up by member.
        builder.HasIndex(m => new { m.UserId, m.CaseId });
        // At most one lead per case, whatever two supervisors do at the same moment: a deferred
        // exclusion constraint (see the Initial migration), checked at commit so that handing the
        // lead from one prosecutor to another in one save is not refused halfway.
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.ToTable("case_stage_changes");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Reason).HasMaxLength(StageChange.ReasonMaxLength);
        builder.HasIndex(h => new { h.CaseId, h.At });
    }
}

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> builder)
    {
        builder.ToTable("case_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Title).HasMaxLength(CaseTask.TitleMaxLength).IsRequired();
        builder.Property(t => t.Notes).HasMaxLength(CaseTask.NotesMaxLength);
        builder.Property(t => t.Version).IsRowVersion();
        builder.Ignore(t => t.IsDone);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        // "My work": a person's open tasks by due date.
        builder.HasIndex(t => new { t.AssigneeId, t.DueOn }).HasFilter("done_at IS NULL");
        builder.HasIndex(t => new { t.CaseId, t.DueOn });
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> builder)
    {
        builder.ToTable("case_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Note).HasMaxLength(CaseLink.NoteMaxLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.LinkedCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.CaseId, l.LinkedCaseId }).IsUnique();
        builder.HasIndex(l => l.LinkedCaseId);
    }
}

/// <summary>The last number handed out per office, kind (case references, victim pseudonyms) and
/// year (see <see cref="ReferenceNumbers"/>).</summary>
internal sealed class ReferenceCounter
{
    public Guid OfficeId { get; set; }

    public string Kind { get; set; } = "";

    public int Year { get; set; }

    public long LastNumber { get; set; }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.ToTable("reference_counters");
        builder.HasKey(c => new { c.OfficeId, c.Kind, c.Year });
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
