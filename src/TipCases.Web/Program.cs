using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Formatting.Compact;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Data.Seeding;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Charges;
using TipCases.Web.Pages.Hearings;
using TipCases.Web.Pages.Dashboard;
using TipCases.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    // Readable lines for a developer; one JSON object a line for a log collector elsewhere.
    .WriteTo.Conditional(_ => builder.Environment.IsDevelopment(),
        sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
            formatProvider: CultureInfo.InvariantCulture))
    .WriteTo.Conditional(_ => !builder.Environment.IsDevelopment(),
        sink => sink.Console(new RenderedCompactJsonFormatter())));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddTipCasesData(builder.Configuration);
builder.Services.AddTipCasesSecurity(builder.Configuration);
builder.Services.AddScoped<AuditLog>();
builder.Services.AddSingleton<TipCases.Domain.Victims.IIdentityProtector, IdentityProtector>();
builder.Services.AddScoped<TipCases.Web.Pages.Admin.Users.UserFormOptions>();
builder.Services.AddScoped<TipCases.Web.Pages.Cases.CaseQueries>();
builder.Services.AddScoped<TipCases.Web.Pages.Cases.PeopleDirectory>();
builder.Services.AddScoped<TipCases.Web.Pages.Cases.CaseHistory>();
builder.Services.AddScoped<TipCases.Web.Pages.Victims.VictimQueries>();
builder.Services.AddScoped<TipCases.Web.Pages.Victims.CaseVictims>();
builder.Services.AddScoped<TipCases.Web.Pages.Victims.ChildStatusRefresh>();
builder.Services.AddChargePages();
builder.Services.AddScoped<TipCases.Web.Pages.Cooperation.CooperationCases>();
builder.Services.AddHearingsAndJurisdiction(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CaseAuthorizationHandler>();
// One message per field: the first rule a value breaks is the one the user needs to hear.
ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
builder.Services.AddPageHandlers();
builder.Services.AddRequestGuards();
builder.Services.AddRazorPages(options => options.Conventions.AllowAnonymousToFolder("/Errors"));

var app = builder.Build();

// Fail at start-up, not at the first victim, when the identity key is missing or malformed.
app.Services.GetRequiredService<TipCases.Domain.Victims.IIdentityProtector>();

if (args.Contains("migrate"))
{
    // Production: apply migrations as an explicit release step, then exit.
    await app.Services.MigrateDatabaseAsync();
    return;
}

if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
{
    await app.Services.MigrateDatabaseAsync();
}

if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("DemoData:Seed"))
{
    await DemoData.SeedAsync(app.Services, app.Configuration);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error/500");
    app.UseHsts();
}
if (app.Configuration.GetValue("Security:RequireHttps", true))
{
    app.UseHttpsRedirection();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseSerilogRequestLogging(options =>
    // The path only: query strings can hold search words, and no personal data goes to logs.
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
app.UseMiddleware<DatabaseUnavailableMiddleware>();

// Before routing, so that no page sees a NUL or other control character (answered with a 400).
app.UseMiddleware<ControlCharacterFilterMiddleware>();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();

/// <summary>Entry point, visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
