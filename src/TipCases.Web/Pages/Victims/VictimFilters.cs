using System.Linq.Expressions;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;

namespace TipCases.Web.Pages.Victims;

/// <summary>What about a victim needs someone's attention, as the dashboard counts it and the victim list filters it.</summary>
public enum VictimAttention
{
    /// <summary>No support step in the last <see cref="VictimFilters.SupportGapDays"/> days (or none at all).</summary>
    WithoutRecentSupport = 1,

    /// <summary>The follow-up date set by the latest support step has passed.</summary>
    FollowUpOverdue = 2,

    /// <summary>The victim's current residence record (the latest to start) expires within
    /// <see cref="ResidenceRecord.ExpiryWarningDays"/> days.</summary>
    PermitExpiring = 3,

    /// <summary>The victim's current residence record has expired.</summary>
    PermitExpired = 4,
}

/// <summary>
/// The victim conditions of the dashboard and the victim list, written once so that a figure and
/// the list behind it always agree. Each narrows a query of victims that already went through the
/// victim access rule.
/// </summary>
public static class VictimFilters
{
    /// <summary>As on "My work": a victim with no support step for longer than this needs contact.</summary>
    public const int SupportGapDays = 30;

    /// <summary>Victims linked to at least one of these cases.</summary>
    public static IQueryable<Victim> OnCases(this IQueryable<Victim> victims, IQueryable<Case> cases)
    {
        var caseIds = cases.Select(c => c.Id);
        return victims.Where(v => v.Cases.Any(l => caseIds.Contains(l.CaseId)));
    }

    public static IQueryable<Victim> NeedingAttention(this IQueryable<Victim> victims, VictimAttention attention, DateOnly today) =>
        victims.Where(Needs(attention, today));

    /// <summary>The condition of <paramref name="attention"/> as an expression, for a filter or for a count.</summary>
    public static Expression<Func<Victim, bool>> Needs(VictimAttention attention, DateOnly today)
    {
        var since = today.AddDays(-SupportGapDays);
        var warnUntil = today.AddDays(ResidenceRecord.ExpiryWarningDays);
        return attention switch
        {
            VictimAttention.WithoutRecentSupport => v => !v.SupportSteps.Any(s => s.TookPlaceOn >= since),
            // The latest step, as Victim.NextFollowUp defines it.
            VictimAttention.FollowUpOverdue => v => v.SupportSteps
                .OrderByDescending(s => s.TookPlaceOn).ThenByDescending(s => s.CreatedAt)
                .Select(s => s.NextFollowUpOn).FirstOrDefault() < today,
            // The current record (the latest to start): a permit renewed, or replaced by permanent
            // stay or a return, no longer counts.
            VictimAttention.PermitExpiring => v => v.Residence
                .OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.CreatedAt)
                .Select(r => r.ExpiresOn).FirstOrDefault() >= today
                && v.Residence.OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.CreatedAt)
                .Select(r => r.ExpiresOn).FirstOrDefault() <= warnUntil,
            VictimAttention.PermitExpired => v => v.Residence
                .OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.CreatedAt)
                .Select(r => r.ExpiresOn).FirstOrDefault() < today,
            _ => v => false,
        };
    }

    public static IQueryable<Victim> ExploitedFor(this IQueryable<Victim> victims, ExploitationForm form) =>
        victims.Where(v => v.Exploitation.Contains(form));

    public static IQueryable<Victim> WithChildStatus(this IQueryable<Victim> victims, ChildStatus status) =>
        victims.Where(v => v.ChildStatus == status);

    /// <summary>Victims with a compensation claim in this currency on one of these cases.</summary>
    public static IQueryable<Victim> WithClaimIn(this IQueryable<Victim> victims, string currency, IQueryable<Case> cases)
    {
        var caseIds = cases.Select(c => c.Id);
        return victims.Where(v => v.Claims.Any(c => c.Currency == currency && caseIds.Contains(c.CaseId)));
    }
}
