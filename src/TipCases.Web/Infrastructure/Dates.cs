using System.Globalization;

namespace TipCases.Web.Infrastructure;

/// <summary>Today's date from the injected clock, and how pages show a date, in one place.</summary>
public static class Dates
{
    /// <summary>The current date in UTC, the calendar every stored date uses.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A date as pages show it, e.g. "29 Nov 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
