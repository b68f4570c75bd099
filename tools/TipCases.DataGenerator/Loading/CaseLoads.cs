using Npgsql;
using TipCases.DataGenerator.Planning;
using TipCases.Domain.Cases;

namespace TipCases.DataGenerator.Loading;

internal sealed class CasesLoad : TableLoad
{
    public override string Table => "cases";

    public override string[] Columns =>
    [
        "id", "reference", "office_id", "title", "summary", "approach", "origin", "scope", "involves_organized_criminal_group",
        "involves_task_force", "opened_on", "offence_from", "offence_to", "stage", "stage_changed_at", "created_at", "created_by",
    ];

    public override long Estimate(Plan plan) => plan.Cases.Length * 3L;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            w.StartRow();
            w.Uuid(c.Id);
            w.Text(plan.Reference(c));
            w.Uuid(plan.Offices[c.Office].Id);
            w.Text(Vocabulary.Titles[c.Title]);
            w.Text(c.Summary >= 0 ? Vocabulary.Summaries[c.Summary] : null);
            w.Enum(c.Origin.Approach());
            w.Enum(c.Origin);
            w.Enum(c.Scope);
            w.Bool(c.OrganizedCrime);
            w.Bool(c.TaskForce);
            w.Date(Plan.Day(c.OpenedAt));
            w.Date(c.OffenceFrom);
            w.Date(c.OffenceTo);
            w.Enum(c.Stage);
            w.Moment(plan.ChangeAt(i, c.Changes - 1));
            w.Moment(c.OpenedAt);
            // Investigators open cases; the team lists the investigator first.
            w.Uuid(context.User(c.Investigator));
        }
        return plan.Cases.Length;
    }
}

/// <summary>The opening (into intake) and every move, by the lead prosecutor or, before there is
/// one, a supervisor of the office; a discontinuation carries its reason.</summary>
internal sealed class StageChangesLoad : TableLoad
{
    public override string Table => "case_stage_changes";

    public override string[] Columns => ["id", "case_id", "from", "to", "at", "by_user_id", "reason"];

    public override long Estimate(Plan plan) => plan.Cases.Length * 3L;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            var mover = c.Prosecutor >= 0 ? c.Prosecutor : context.Supervisor(c.Office, random);
            for (var k = 0; k < c.Changes; k++)
            {
                var at = plan.ChangeAt(i, k);
                var to = Plan.StageOfChange(c, k);
                w.StartRow();
                w.Uuid(Ids.V7(at, random));
                w.Uuid(c.Id);
                w.Enum(k == 0 ? null : (CaseStage?)Plan.StageOfChange(c, k - 1));
                w.Enum(to);
                w.Moment(at);
                w.Uuid(context.User(k == 0 ? c.Investigator : mover));
                w.Text(to == CaseStage.Discontinued ? Vocabulary.DiscontinuationReasons[random.Next(Vocabulary.DiscontinuationReasons.Length)] : null);
                rows++;
            }
        }
        return rows;
    }
}

/// <summary>Investigators from the opening, the lead prosecutor from the opening or some time before
/// pre-trial, the liaison officer from the opening (victims are recorded in the first days).</summary>
internal sealed class TeamMembersLoad : TableLoad
{
    public override string Table => "case_team_members";

    public override string[] Columns => ["id", "case_id", "user_id", "role", "is_lead", "added_at"];

    public override long Estimate(Plan plan) => plan.Cases.Length * 3L;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        long rows = 0;
        void Row(in CasePlan c, short member, TeamRole role, bool lead, long at)
        {
            w.StartRow();
            w.Uuid(Ids.V7(at, random));
            w.Uuid(c.Id);
            w.Uuid(context.User(member));
            w.Enum(role);
            w.Bool(lead);
            w.Moment(at);
            rows++;
        }
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            Row(c, c.Investigator, TeamRole.Investigator, false, c.OpenedAt);
            if (c.SecondInvestigator >= 0)
            {
                Row(c, c.SecondInvestigator, TeamRole.Investigator, false, c.OpenedAt + 600);
            }
            if (c.Prosecutor >= 0)
            {
                var added = plan.EnteredAt(i, CaseStage.PreTrial) is { } preTrial && random.NextDouble() < 0.5
                    ? c.OpenedAt + random.NextInt64(Math.Max(1, preTrial - c.OpenedAt))
                    : c.OpenedAt + 1200;
                Row(c, c.Prosecutor, TeamRole.Prosecutor, true, added);
            }
            if (c.Liaison >= 0)
            {
                Row(c, c.Liaison, TeamRole.VictimLiaisonOfficer, false, c.OpenedAt + 1800);
            }
        }
        return rows;
    }
}

/// <summary>
/// Tasks of the team: on closed cases all done; on open cases some done and up to two current
/// ones, some of them overdue. Then the safety reviews that reported threats opened.
/// </summary>
internal sealed class CaseTasksLoad : TableLoad
{
    private const long Day = 86_400;

    public override string Table => "case_tasks";

    public override string[] Columns =>
        ["id", "case_id", "title", "notes", "assignee_id", "due_on", "created_by", "created_at", "done_at", "done_by"];

    public override long Estimate(Plan plan) => plan.Cases.Length * 2L;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        var now = plan.Now.ToUnixTimeSeconds();
        var team = new short[4];
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            var size = 0;
            foreach (var member in (ReadOnlySpan<short>)[c.Investigator, c.SecondInvestigator, c.Prosecutor, c.Liaison])
            {
                if (member >= 0)
                {
                    team[size++] = member;
                }
            }
            var end = c.IsOpen ? Math.Max(c.OpenedAt + 60, now - (7 * Day)) : plan.ChangeAt(i, c.Changes - 1);
            var creator = c.Prosecutor >= 0 ? c.Prosecutor : c.Investigator;
            // Done tasks over the case's life; on an open case also one or two current ones,
            // created in the last six weeks and due up to ten weeks later (so some are overdue).
            var done = c.IsOpen ? random.Next(4) : random.Next(5);
            var current = c.IsOpen ? random.Next(3) : 0;
            for (var t = 0; t < done + current; t++)
            {
                var isCurrent = t >= done;
                var from = isCurrent ? Math.Max(c.OpenedAt, now - (42 * Day)) : c.OpenedAt;
                var to = isCurrent ? now - 60 : end;
                var createdAt = from + random.NextInt64(Math.Max(1, to - from));
                var due = Plan.Day(createdAt).AddDays(7 + random.Next(64));
                var assignee = team[random.Next(size)];
                var doneAt = isCurrent ? 0 : Math.Max(createdAt + 60, Math.Min(end, createdAt + Day + random.NextInt64(40 * Day)));
                w.StartRow();
                w.Uuid(Ids.V7(createdAt, random));
                w.Uuid(c.Id);
                w.Text(Vocabulary.TaskTitles[random.Next(Vocabulary.TaskTitles.Length)]);
                w.Text(null);
                w.Uuid(context.User(assignee));
                w.Date(due);
                w.Uuid(context.User(creator));
                w.Moment(createdAt);
                w.Moment(doneAt);
                w.Uuid(doneAt == 0 ? null : context.User(assignee));
                rows++;
            }
        }
        foreach (ref readonly var threat in plan.Threats.AsSpan())
        {
            if (threat.TaskId == Guid.Empty)
            {
                continue;
            }
            ref readonly var victim = ref plan.Victims[threat.Victim];
            w.StartRow();
            w.Uuid(threat.TaskId);
            w.Uuid(plan.Cases[threat.Case].Id);
            w.Text($"Safety review for {plan.Pseudonym(victim)} after a reported threat");
            w.Text(Vocabulary.SafetyReviewNotes);
            w.Uuid(context.User(threat.Assignee));
            w.Date(Plan.Day(threat.At).AddDays(2));
            w.Uuid(context.User(threat.By));
            w.Moment(threat.At);
            w.Moment(threat.TaskDoneAt);
            w.Uuid(threat.TaskDoneAt == 0 ? null : context.User(threat.Assignee));
            rows++;
        }
        return rows;
    }
}

internal sealed class CaseLinksLoad : TableLoad
{
    private static readonly string?[] Notes = ["Same network of recruiters.", "Split off to prosecute the money laundering separately.", null, "Same victims identified in both."];

    public override string Table => "case_links";

    public override string[] Columns => ["id", "case_id", "linked_case_id", "note", "created_by", "created_at"];

    public override long Estimate(Plan plan) => plan.Links.Length;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        foreach (ref readonly var link in plan.Links.AsSpan())
        {
            w.StartRow();
            w.Uuid(link.Id);
            w.Uuid(plan.Cases[link.From].Id);
            w.Uuid(plan.Cases[link.To].Id);
            w.Text(Notes[random.Next(Notes.Length)]);
            w.Uuid(context.User(link.By));
            w.Moment(link.At);
        }
        return plan.Links.Length;
    }
}
