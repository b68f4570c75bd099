using TipCases.Web.Pages.Cases;

namespace TipCases.Web.Pages.Dashboard;

public static class DashboardSetup
{
    /// <summary>The dashboard's queries and the CSV exports (case list, dashboard tables, statistics).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DashboardWatchlist>();
        services.AddScoped<DashboardFiguresReader>();
        services.AddSingleton<Data.Summaries.ISummary, DashboardSummary>();
        services.AddScoped<CaseCsvExport>();
        services.AddScoped<DashboardCsv>();
        services.AddScoped<StatisticsExport>();
        return services;
    }
}
