namespace TipCases.Web.Pages.Charges;

public static class ChargeServices
{
    /// <summary>The services of the defendants and charges pages (Program.cs calls this once).</summary>
    public static IServiceCollection AddChargePages(this IServiceCollection services) => services
        .AddScoped<ChargeQueries>()
        .AddScoped<ChargeAnalyses>()
        .AddScoped<CaseChargesOverview>()
        .AddScoped<ObstructionProposals>();
}
