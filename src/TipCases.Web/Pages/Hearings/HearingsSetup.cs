using Microsoft.Extensions.Options;
using TipCases.Domain.Reference;
using TipCases.Web.Infrastructure;
using TipCases.Web.Pages.Jurisdiction;

namespace TipCases.Web.Pages.Hearings;

public static class HearingsSetup
{
    /// <summary>Hearings, the offices' time zone and the jurisdiction analysis, with their settings
    /// checked at start-up (a wrong state code or time zone stops the app with a message).</summary>
    public static IServiceCollection AddHearingsAndJurisdiction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OfficeTimeOptions>().Bind(configuration.GetSection(OfficeTimeOptions.Section))
            .Validate(o => OfficeTimeOptions.IsValid(o.TimeZone),
                $"{OfficeTimeOptions.Section}:TimeZone must be a time zone id known to the system, e.g. Europe/Oslo.")
            .ValidateOnStart();
        services.AddOptions<JurisdictionSettings>().Bind(configuration.GetSection(JurisdictionSettings.Section))
            .Validate(o => o.StateCode is { Length: 2 } && Countries.IsKnown(o.StateCode),
                $"{JurisdictionSettings.Section}:StateCode must be the ISO 3166-1 alpha-2 code of the state whose prosecutors use TipCases, e.g. NO.")
            .ValidateOnStart();
        services.AddSingleton<OfficeTime>();
        services.AddScoped<HearingQueries>();
        services.AddScoped<JurisdictionSection>();
        return services;
    }
}
