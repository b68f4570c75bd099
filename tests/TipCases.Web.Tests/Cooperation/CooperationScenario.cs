using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cooperation;
using TipCases.Web.Data;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;

namespace TipCases.Web.Tests.Cooperation;

internal static class CooperationTestData
{
    public static CooperationDetails Mla(string subject = "Bank records and a search of the office") => new(CooperationKind.MutualLegalAssistance,
        CooperationDirection.Outgoing, "DE", "Federal Office of Justice", LegalBasis.Convention, null, subject,
        [AssistanceKind.RecordsOriginalsOrCertifiedCopies, AssistanceKind.SearchesSeizuresAndFreezing], [], false, false, null);

    public static CooperationDetails Informal(string subject = "Subscriber of a phone number") => new(CooperationKind.Informal, CooperationDirection.Outgoing,
        "RO", "Police attaché", LegalBasis.Reciprocity, null, subject, [], [], false, false, null);

    /// <summary>Stores a request made through the domain, as the pages would, after <paramref name="shape"/> ran on it.</summary>
    public static Task<CooperationRequest> RequestAsync(this TipCasesApp app, Guid caseId, CooperationDetails details, Action<CooperationRequest, DateOnly>? shape = null) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            var request = CooperationRequest.Draft(caseId, details, @case.CreatedBy, app.Clock.GetUtcNow());
            shape?.Invoke(request, app.Today());
            db.CooperationRequests.Add(request);
            await db.SaveChangesAsync();
            return request;
        });

    public static Task<CooperationRequest?> StoredRequestAsync(this TipCasesApp app, Guid id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().CooperationRequests.AsNoTracking().Include(r => r.Material).SingleOrDefaultAsync(r => r.Id == id));

    public static Task<List<CooperationRequest>> StoredRequestsAsync(this TipCasesApp app) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<TipCasesDbContext>().CooperationRequests.AsNoTracking().Include(r => r.Material).ToListAsync());
}
