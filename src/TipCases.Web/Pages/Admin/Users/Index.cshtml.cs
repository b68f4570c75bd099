using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TipCases.Domain.Staff;
using TipCases.Web.Data;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(TipCasesDbContext db, UserFormOptions options, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? Office { get; set; }

    /// <summary>Keyset: the user name after which this page starts.</summary>
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Offices { get; private set; } = [];

    public string? NextAfter { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offices = await options.OfficesAsync(Office, ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = LikePattern.Contains(Q);
            query = query.Where(u => EF.Functions.ILike(u.UserName!, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.ILike(u.DisplayName, pattern, LikePattern.EscapeCharacter));
        }
        if (Office is { } officeId)
        {
            query = query.Where(u => u.OfficeId == officeId);
        }
        if (!string.IsNullOrEmpty(After))
        {
#pragma warning disable CA1309 // translated to SQL: compares with the column's collation, as ORDER BY does
            query = query.Where(u => string.Compare(u.UserName, After) > 0);
#pragma warning restore CA1309
        }
        var now = clock.GetUtcNow();
        var page = await query
            .OrderBy(u => u.UserName)
            .Take(PageSize + 1)
            .Select(u => new
            {
                u.Id,
                UserName = u.UserName!,
                u.DisplayName,
                OfficeName = db.Offices.Where(o => o.Id == u.OfficeId).Select(o => o.Name).First(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                u.IsActive,
                IsLockedOut = u.LockoutEnd != null && u.LockoutEnd > now,
            })
            .ToListAsync(ct);
        Rows = page.Take(PageSize)
            .Select(u => new Row(u.Id, u.UserName, u.DisplayName, u.OfficeName, DescribeRoles(u.Roles), u.IsActive, u.IsLockedOut))
            .ToList();
        NextAfter = page.Count > PageSize ? Rows[^1].UserName : null;
    }

    private static string DescribeRoles(IEnumerable<string> roles) =>
        string.Join(", ", roles.Select(r => Enum.TryParse<StaffRole>(r, out var role) ? role.DisplayName() : r).Order());

    public sealed record Row(Guid Id, string UserName, string DisplayName, string OfficeName, string Roles, bool IsActive, bool IsLockedOut);
}
