using System.Globalization;

namespace TipCases.Web.Pages.Dashboard;

/// <summary>The period presets of the dashboard's filter.</summary>
public enum PeriodPreset
{
    All = 1,
    ThisMonth = 2,
    Last90Days = 3,
    ThisYear = 4,
    Custom = 5,
}

/// <summary>
/// Which cases the dashboard counts: those opened in the period (the case list's "opened from"
/// and "opened to"). Overdue and due items are always as of today, among those cases.
/// </summary>
public sealed record DashboardPeriod(PeriodPreset Preset, DateOnly? From, DateOnly? To)
{
    public static DashboardPeriod All { get; } = new(PeriodPreset.All, null, null);

    /// <summary>A preset wins over dates; dates without a preset make a custom period; nothing is "all".
    /// Dates in the wrong order are swapped rather than refused: the period is then still what was meant.</summary>
    public static DashboardPeriod Resolve(PeriodPreset? preset, DateOnly? from, DateOnly? to, DateOnly today)
    {
        switch (preset)
        {
            case PeriodPreset.ThisMonth:
                return new(PeriodPreset.ThisMonth, new DateOnly(today.Year, today.Month, 1), today);
            case PeriodPreset.Last90Days:
                return new(PeriodPreset.Last90Days, today.AddDays(-89), today);
            case PeriodPreset.ThisYear:
                return new(PeriodPreset.ThisYear, new DateOnly(today.Year, 1, 1), today);
            case PeriodPreset.All:
                return All;
        }
        if (from is null && to is null)
        {
            return All;
        }
        if (from is { } f && to is { } t && t < f)
        {
            (from, to) = (to, from);
        }
        return new(PeriodPreset.Custom, from, to);
    }

    public string Describe() => (From, To) switch
    {
        (null, null) => "all cases",
        ({ } f, null) => $"cases opened from {Infrastructure.Dates.Day(f)}",
        (null, { } t) => $"cases opened up to {Infrastructure.Dates.Day(t)}",
        ({ } f, { } t) => $"cases opened from {Infrastructure.Dates.Day(f)} to {Infrastructure.Dates.Day(t)}",
    };

    public static string PresetName(PeriodPreset preset) => preset switch
    {
        PeriodPreset.ThisMonth => "This month",
        PeriodPreset.Last90Days => "Last 90 days",
        PeriodPreset.ThisYear => "This year",
        PeriodPreset.Custom => "Dates below",
        _ => "All",
    };

    /// <summary>The period as query parameters of the case and victim lists ("from", "to").</summary>
    public void AddTo(IDictionary<string, string> route)
    {
        if (From is { } f)
        {
            route["from"] = f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (To is { } t)
        {
            route["to"] = t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }
}
