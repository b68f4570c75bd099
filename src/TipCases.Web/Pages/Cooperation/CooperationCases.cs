using System.Security.Claims;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Cooperation;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Cases;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Cooperation;

/// <summary>
/// How the cooperation and asset pages reach a case: through <see cref="CaseQueries"/> (404 for a
/// case the user may not read), then <see cref="CooperationAccessRule"/> (403 for one they read
/// but may not record on). Also builds the case page's summary of requests, informal material
/// still flagged, and assets.
/// </summary>
public sealed class CooperationCases(CaseQueries cases, TipCasesDbContext db, TimeProvider clock)
{
    public async Task<CaseLoad> LoadAsync(Guid caseId, ClaimsPrincipal user, CooperationOperation operation, CancellationToken ct)
    {
        var load = await cases.LoadAsync(caseId, user, CaseOperations.Read, ct);
        if (load.Case is null)
        {
            return load;
        }
        return CooperationAccessRule.Allows(user.ToCaseViewer(), load.Case, operation)
            ? load
            : new CaseLoad(load.Case, CaseLoadOutcome.Forbidden);
    }

    /// <summary>Every informal item of a case with its flag, using the covering requests of the same case.</summary>
    public static IReadOnlyList<MaterialRow> Material(IReadOnlyCollection<CooperationRequest> requests)
    {
        var byId = requests.ToDictionary(r => r.Id);
        return requests.Where(r => r.YieldsInformalMaterial)
            .SelectMany(r => r.Material.Select(m =>
            {
                var covering = m.CoveredByRequestId is { } id ? byId.GetValueOrDefault(id) : null;
                var flag = InformalMaterialRule.Evaluate(r, m, covering);
                return new MaterialRow(r.Id, m.Id, m.Description, flag.Flagged, flag.Explanation, covering?.Id, covering?.Subject);
            }))
            .ToList();
    }

    public async Task<CaseCooperationViewModel> SummaryAsync(Case @case, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = clock.Today();
        var requests = await db.CooperationRequests.AsNoTracking().Include(r => r.Material)
            .Where(r => r.CaseId == @case.Id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var assets = await db.Assets.AsNoTracking().Include(a => a.Steps).Include(a => a.Allocations)
            .Where(a => a.CaseId == @case.Id).OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        var viewer = user.ToCaseViewer();
        return new CaseCooperationViewModel(
            @case.Id,
            CooperationAccessRule.Allows(viewer, @case, CooperationOperation.RecordRequest),
            CooperationAccessRule.Allows(viewer, @case, CooperationOperation.RecordAsset),
            requests.OrderByDescending(r => r.IsOverdue(today)).ThenBy(r => r.IsClosed).ThenBy(r => r.DueOn ?? DateOnly.MaxValue)
                .Select(r => RequestRow.From(r, today)).ToList(),
            Material(requests).Where(m => m.Flagged).ToList(),
            assets.Select(a => new AssetRow(a.Id, a.Description, a.Kind, a.Country, a.CurrentStep, a.StepDate, a.EstimatedValue, a.EstimatedCurrency,
                a.RealisedValue, a.RealisedCurrency, a.Allocated, a.PredicateOffenceAbroad)).ToList());
    }
}

public sealed record RequestRow(Guid Id, Guid CaseId, CooperationKind Kind, CooperationDirection Direction, string State, string Subject,
    CooperationStatus Status, DateOnly? SentOn, DateOnly? DueOn, bool IsOverdue, int? DaysOverdue, int? AgeInDays)
{
    public static RequestRow From(CooperationRequest r, DateOnly today) => new(r.Id, r.CaseId, r.Kind, r.Direction, r.CounterpartState, r.Subject,
        r.Status, r.SentOn, r.DueOn, r.IsOverdue(today), r.DaysOverdue(today), r.AgeInDays(today));
}

public sealed record MaterialRow(Guid RequestId, Guid ItemId, string Description, bool Flagged, string Explanation, Guid? CoveringRequestId, string? CoveringSubject);

public sealed record AssetRow(Guid Id, string Description, AssetKind Kind, string? Country, AssetStep Step, DateOnly StepOn, decimal? Estimated, string? EstimatedCurrency,
    decimal? Realised, string? RealisedCurrency, decimal Allocated, bool PredicateAbroad);

public sealed record CaseCooperationViewModel(Guid CaseId, bool CanRecordRequest, bool CanRecordAsset, IReadOnlyList<RequestRow> Requests,
    IReadOnlyList<MaterialRow> FlaggedMaterial, IReadOnlyList<AssetRow> Assets);
