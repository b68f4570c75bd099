using System.Globalization;
using Microsoft.Extensions.Options;

namespace TipCases.Web.Infrastructure;

/// <summary>The <c>Offices</c> settings: the time zone the offices work in.</summary>
public sealed class OfficeTimeOptions
{
    public const string Section = "Offices";

    /// <summary>An IANA time zone id (e.g. <c>Europe/Oslo</c>). Times of day (hearings) are entered
    /// and shown in it; instants are stored in UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    internal static bool IsValid(string? id) => id is { Length: > 0 } && System.TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

/// <summary>
/// Times of day in the offices' time zone: instants are stored as UTC (timestamptz) and entered and
/// shown as local date and time. One setting for all offices, as TipCases serves the prosecution
/// service of one state.
/// </summary>
public sealed class OfficeTime(IOptions<OfficeTimeOptions> options, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The zone's id as set, for the pages to say which clock times are read on.</summary>
    public string ZoneId => options.Value.TimeZone;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today in the offices' time zone.</summary>
    public DateOnly Today => DayOf(Now);

    public DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    public DateOnly DayOf(DateTimeOffset at) => TipCases.Domain.Hearings.Hearing.DayOf(at, Zone);

    /// <summary>The instant a local date and time stand for, or null for a time the clocks skip
    /// (the hour lost when summer time starts). A time that occurs twice (the hour repeated when
    /// it ends) is read as the later, standard-time one.</summary>
    public DateTimeOffset? Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return null;
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    /// <summary>The instant a local day begins (its first valid minute).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var time = TimeOnly.MinValue;
        DateTimeOffset? instant;
        while ((instant = Instant(day, time)) is null)
        {
            time = time.AddMinutes(30);
        }
        return instant.Value;
    }

    /// <summary>e.g. "Tue 8 Dec 2026, 09:30".</summary>
    public string Show(DateTimeOffset at) => Local(at).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public string ShowTime(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>For a <c>time</c> element's datetime attribute: the instant in UTC.</summary>
    public static string Machine(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
