using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TipCases.Web.Data;

namespace TipCases.Web.Security;

/// <summary>Claims TipCases adds to the sign-in cookie, so the layout and access rules need no
/// database round trip to know who the user is and which office they work in.</summary>
public static class TipCasesClaims
{
    public const string OfficeId = "tipcases:office_id";
    public const string OfficeName = "tipcases:office_name";
    public const string DisplayName = "tipcases:display_name";

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static Guid OfficeIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OfficeId), out var id) ? id : Guid.Empty;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static string OfficeNameOf(this ClaimsPrincipal user) => user.FindFirstValue(OfficeName) ?? "";
}

public sealed class TipCasesClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IOptions<IdentityOptions> options,
    TipCasesDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var officeName = await db.Offices.Where(o => o.Id == user.OfficeId).Select(o => o.Name).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(TipCasesClaims.OfficeId, user.OfficeId.ToString()));
        identity.AddClaim(new Claim(TipCasesClaims.OfficeName, officeName ?? ""));
        identity.AddClaim(new Claim(TipCasesClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
