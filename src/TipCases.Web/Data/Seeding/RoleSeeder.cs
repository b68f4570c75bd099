using Microsoft.AspNetCore.Identity;
using TipCases.Web.Security;

namespace TipCases.Web.Data.Seeding;

/// <summary>The five roles are part of the product, not data: every environment has them.</summary>
public static class RoleSeeder
{
    public static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new AppRole(name));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {name}: {string.Join(' ', result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
