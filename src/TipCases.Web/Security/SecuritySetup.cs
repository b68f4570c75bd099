using Microsoft.AspNetCore.Authentication.Cookies;
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

                // Codes from authenticator apps, checked once only (see AuthenticatorCodes).
                options.Tokens.AuthenticatorTokenProvider = OnceOnlyAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<TipCasesDbContext>()
            .AddUserManager<TipCasesUserManager>()
            .AddSignInManager<TipCasesSignInManager>()
            .AddClaimsPrincipalFactory<TipCasesClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(OnceOnlyAuthenticatorTokenProvider.ProviderName);

        services.AddSingleton<AuthenticatorKeyProtector>();
        services.AddScoped<AuthenticatorCodes>();
        services.AddScoped<UserSessions>();
        services.AddSingleton<SignInLimits>();
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section);

        // The claims in a session (name, roles, office) are read again from the database this
        // often. Ending sessions does not wait for it: UserSessions checks the stamp on every request.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = configuration.GetValue("Security:SessionRevalidationInterval", TimeSpan.FromMinutes(1));
            options.TimeProvider = clock;
            // Keep the mark of the second sign-in step when the claims are read again.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(TipCasesSignInManager.MultiFactorClaim) is { } amr
                    && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(amr.Type, amr.Value));
                }
                return Task.CompletedTask;
            };
        });
        // Idle timeout and cookie expiry measured by the app's clock (tests move it).
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        }

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
            // Every request: the server-side session still stands (see UserSessions).
            options.Events.OnValidatePrincipal = UserSessions.ValidatePrincipalAsync;
        });
        // The short-lived cookie between the password and the code (5 minutes, Identity's default).
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = requireHttps ? "__Host-TipCases.SignIn" : "TipCases.SignIn";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
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
