using System.Security.Claims;
using TipCases.Domain.Hearings;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Hearings;

/// <summary>
/// Hearings as pages list them, each with its witnesses (pseudonyms only) and the warning of
/// <see cref="WitnessProtectionRule"/> computed in the database. Lists across cases start from
/// <see cref="CaseQueries.Visible"/>, so they show only hearings of cases the user may read
/// (supervisors: their office's); <see cref="ForCaseAsync"/> expects the caller to have checked the case.
/// </summary>
public sealed class HearingQueries(TipCasesDbContext db, CaseQueries cases, OfficeTime time)
{
    /// <summary>The upcoming hearings looked at by default, in days from today.</summary>
    public const int DefaultDays = 30;

    public const int MaxDays = 366;

    public async Task<IReadOnlyList<HearingRow>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var rows = await ProjectAsync(db.Hearings.AsNoTracking().Where(h => h.CaseId == caseId)
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new HearingAndCase { Hearing = h, Reference = c.Reference, Title = c.Title }), int.MaxValue, ct);
        // Still to come first (soonest first), then the past (most recent first).
        var today = time.Today;
        return rows.Where(r => time.DayOf(r.StartsAt) >= today).OrderBy(r => r.StartsAt)
            .Concat(rows.Where(r => time.DayOf(r.StartsAt) < today).OrderByDescending(r => r.StartsAt))
            .ToList();
    }

    /// <summary>Scheduled hearings of the cases the user may read, from the start of today (office
    /// time) for <paramref name="days"/> days, soonest first; at most <paramref name="limit"/>, and
    /// whether there were more. <paramref name="unprotectedOnly"/>: only those with a victim witness
    /// <see cref="WitnessProtectionRule"/> warns about.</summary>
    public async Task<(IReadOnlyList<HearingRow> Rows, bool More)> UpcomingAsync(ClaimsPrincipal user, int days, int limit, CancellationToken ct,
        Guid? caseId = null, bool unprotectedOnly = false)
    {
        var query = Scheduled(user, days, unprotectedOnly);
        if (caseId is { } id)
        {
            query = query.Where(h => h.CaseId == id);
        }
        var rows = await ProjectAsync(query.Join(cases.Visible(user), h => h.CaseId, c => c.Id, (h, c) => new HearingAndCase { Hearing = h, Reference = c.Reference, Title = c.Title }),
            limit + 1, ct);
        return (rows.Take(limit).ToList(), rows.Count > limit);
    }

    /// <summary>How many of the hearings <see cref="UpcomingAsync"/> lists with <c>unprotectedOnly</c> there are (one COUNT).</summary>
    public Task<int> UnprotectedCountAsync(ClaimsPrincipal user, int days, CancellationToken ct) =>
        Scheduled(user, days, unprotectedOnly: true).Join(cases.Visible(user), h => h.CaseId, c => c.Id, (h, c) => h.Id).CountAsync(ct);

    /// <summary>Scheduled hearings from the start of today for <paramref name="days"/> days (the
    /// partial index on the start of scheduled hearings), optionally only those with a victim
    /// witness who has no trial-stage protection: <see cref="WitnessProtectionRule.CoversTrial"/> as
    /// an EXISTS over the witness's measures, the rule the warnings of <see cref="ProjectAsync"/> apply.
    /// Callers still join <see cref="CaseQueries.Visible"/>, which decides what the user may read.</summary>
    private IQueryable<Hearing> Scheduled(ClaimsPrincipal user, int days, bool unprotectedOnly)
    {
        var today = time.Today;
        var from = time.StartOf(today);
        var until = time.StartOf(today.AddDays(days));
        var viewer = user.ToCaseViewer();
        // A team member reads only their own cases: take each one's hearings in the window (the
        // (case, start) index), so the cost follows their caseload. Left to itself the planner walks
        // every scheduled hearing of the window instead, 50,000 at a million cases for someone on
        // five cases: it underestimates them, as "scheduled" and "in the future" go together. The
        // OFFSET 0 keeps it from flattening the lateral subquery back into that plan. The row
        // version (xmin) is selected too, so that the rows are whole hearings.
        var hearings = viewer.WorksOnCases && !viewer.IsSupervisor
            ? db.Hearings.FromSql($"""
                SELECT h.* FROM case_team_members AS m
                CROSS JOIN LATERAL (
                    SELECT hearings.*, hearings.xmin FROM hearings
                    WHERE case_id = m.case_id AND status = 'Scheduled' AND starts_at >= {from} AND starts_at < {until}
                    OFFSET 0) AS h
                WHERE m.user_id = {viewer.UserId}
                """)
            : db.Hearings;
        var query = hearings.AsNoTracking()
            .Where(h => h.Status == HearingStatus.Scheduled && h.StartsAt >= from && h.StartsAt < until);
        if (unprotectedOnly)
        {
            var coversTrial = WitnessProtectionRule.CoversTrial;
            query = query.Where(h => h.Witnesses.Any(w => !db.Set<ProtectionMeasure>().Where(m => m.VictimId == w.VictimId).Any(coversTrial)));
        }
        return query;
    }

    /// <summary>The victims of a case a hearing may list as witnesses, with whether each has trial protection.</summary>
    public async Task<IReadOnlyList<WitnessChoice>> WitnessChoicesAsync(Guid caseId, CancellationToken ct)
    {
        var coversTrial = WitnessProtectionRule.CoversTrial;
        return await db.CaseVictims.AsNoTracking().Where(l => l.CaseId == caseId)
            .Join(db.Victims, l => l.VictimId, v => v.Id, (l, v) => v)
            .OrderBy(v => v.Pseudonym)
            .Select(v => new WitnessChoice(v.Id, v.Pseudonym, db.Set<ProtectionMeasure>().Where(m => m.VictimId == v.Id).Any(coversTrial)))
            .ToListAsync(ct);
    }

    /// <summary>Courts already named on hearings of cases the user may read, to offer as suggestions.</summary>
    public async Task<IReadOnlyList<string>> KnownCourtsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await db.Hearings.AsNoTracking()
            .Join(cases.Visible(user), h => h.CaseId, c => c.Id, (h, c) => h.Court)
            .Distinct().OrderBy(c => c).Take(50)
            .ToListAsync(ct);

    /// <summary>A hearing with its case's reference and title, for the projection (member-init, which EF can see through).</summary>
    private sealed class HearingAndCase
    {
        public required Hearing Hearing { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }
    }

    private async Task<List<HearingRow>> ProjectAsync(IQueryable<HearingAndCase> query, int take, CancellationToken ct)
    {
        var coversTrial = WitnessProtectionRule.CoversTrial;
        var rows = await query
            .OrderBy(x => x.Hearing.StartsAt).ThenBy(x => x.Hearing.Id)
            .Take(take)
            .Select(x => new
            {
                x.Hearing.Id,
                x.Hearing.CaseId,
                x.Reference,
                x.Title,
                x.Hearing.StartsAt,
                x.Hearing.Court,
                x.Hearing.Kind,
                x.Hearing.Status,
                x.Hearing.Outcome,
                Witnesses = x.Hearing.Witnesses
                    .Join(db.Victims, w => w.VictimId, v => v.Id, (w, v) => new
                    {
                        v.Id,
                        v.Pseudonym,
                        Protected = db.Set<ProtectionMeasure>().Where(m => m.VictimId == v.Id).Any(coversTrial),
                    })
                    .OrderBy(w => w.Pseudonym)
                    .ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var today = time.Today;
        return rows.Select(r => new HearingRow(r.Id, r.CaseId, r.Reference, r.Title, r.StartsAt, r.Court, r.Kind, r.Status, r.Outcome,
                r.Witnesses.Select(w => new WitnessRow(w.Id, w.Pseudonym, WitnessProtectionRule.Warns(r.Status, w.Protected))).ToList(),
                r.Status == HearingStatus.Scheduled && time.DayOf(r.StartsAt) < today))
            .ToList();
    }
}

public sealed record WitnessRow(Guid VictimId, string Pseudonym, bool LacksTrialProtection);

/// <param name="OutcomeMissing">Still "scheduled" after its day: what happened is yet to be recorded.</param>
public sealed record HearingRow(Guid Id, Guid CaseId, string CaseReference, string CaseTitle, DateTimeOffset StartsAt, string Court, HearingKind Kind,
    HearingStatus Status, string? Outcome, IReadOnlyList<WitnessRow> Witnesses, bool OutcomeMissing)
{
    public bool HasWarning => Witnesses.Any(w => w.LacksTrialProtection);
}

public sealed record WitnessChoice(Guid VictimId, string Pseudonym, bool HasTrialProtection);
