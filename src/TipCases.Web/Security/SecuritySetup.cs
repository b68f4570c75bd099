using Microsoft.AspNetCore.Identity;
using TipCases.Web.Data;

namespace TipCases.Web.Security;

public static class SecuritySetup
{
    /// <summary>How long a signed-in session lasts without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddTipCasesSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";

                // NIST SP 800-63B: length and a block list, no composition rules.
                options.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TipCasesDbContext>()
            .AddSignInManager<TipCasesSignInManager>()
            .AddClaimsPrincipalFactory<TipCasesClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        // A disabled user's or a changed user's security stamp is checked this often, so open
        // sessions end within a minute of the change.
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = configuration.GetValue("Security:SessionRevalidationInterval", TimeSpan.FromMinutes(1)));

        var requireHttps = configuration.GetValue("Security:RequireHttps", true);
        services.ConfigureApplicationCookie(options =>
        {
            // "__Host-" makes the browser refuse the cookie unless it is Secure, host-only and path=/.
            options.Cookie.Name = requireHttps ? "__Host-TipCases" : "TipCases";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Error/403";
            // A refused page answers 403 (rendered by the status-code page), not a redirect that
            // would look like success to a client or a test.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.AddAuthorization(Policies.Configure);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = requireHttps ? "__Host-TipCases.Antiforgery" : "TipCases.Antiforgery";
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }
}
