using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TipCases.Web.Data.Summaries;

/// <summary>
/// A figure (or a whole set of figures) computed once and kept with the moment it was computed,
/// so a page at a million cases reads it instead of counting everything again, and says how fresh
/// it is ("as of 14:05"). Written by <see cref="SummaryStore"/>, refreshed in the background by
/// <see cref="SummaryRefresher"/>. A materialized view records its refresh here too (no payload).
/// </summary>
public sealed class SummarySnapshot
{
    public const int KeyMaxLength = 200;

    /// <summary>What the snapshot is of, e.g. <c>dashboard:office:{officeId}:all</c>.</summary>
    public string Key { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>How long computing it took, to see a summary growing slow before users do.</summary>
    public int DurationMs { get; set; }

    /// <summary>The value as JSON; null for a materialized view, whose rows are the value.</summary>
    public string? Payload { get; set; }
}

internal sealed class SummarySnapshotConfiguration : IEntityTypeConfiguration<SummarySnapshot>
{
    public void Configure(EntityTypeBuilder<SummarySnapshot> builder)
    {
        builder.ToTable("summary_snapshots");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(SummarySnapshot.KeyMaxLength);
        builder.Property(s => s.Payload).HasColumnType("jsonb");
    }
}

/// <summary>A summarised value and the moment it describes.</summary>
public sealed record Summary<T>(T Value, DateTimeOffset AsOf);

/// <summary>
/// Reads and writes summary snapshots. A snapshot holds figures about case data, never a victim's
/// identity (which only <c>IIdentityProtector</c> can read): summaries count, they do not copy records.
/// </summary>
public sealed class SummaryStore(TipCasesDbContext db, TimeProvider clock, SummaryReadCache cache)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The kept value, or null. The table stays the one source of truth: every read asks it for the
    /// snapshot's moment, but the payload (a dashboard's is hundreds of kilobytes of JSON) is only
    /// sent and parsed when this instance has not already read that same snapshot.
    /// </summary>
    public async Task<Summary<T>?> ReadAsync<T>(string key, CancellationToken ct)
    {
        var known = cache.Find<T>(key);
        var knownAt = known?.AsOf;
        var row = await db.Set<SummarySnapshot>().AsNoTracking().Where(s => s.Key == key)
            .Select(s => new { s.ComputedAt, Payload = knownAt != null && s.ComputedAt == knownAt ? null : s.Payload })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        if (known is not null && row.ComputedAt == known.AsOf)
        {
            return known;
        }
        var payload = row.Payload;
        if (payload is null && known is not null)
        {
            // The table and this instance disagreed on whether the moments are equal: read it whole.
            payload = await db.Set<SummarySnapshot>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Payload).SingleOrDefaultAsync(ct);
        }
        if (payload is null || JsonSerializer.Deserialize<T>(payload, Json) is not { } value)
        {
            return null;
        }
        var read = new Summary<T>(value, row.ComputedAt);
        cache.Keep(key, read);
        return read;
    }

    /// <summary>When the snapshot (or materialized view) was last computed, or null if never.</summary>
    public async Task<DateTimeOffset?> ComputedAtAsync(string key, CancellationToken ct) =>
        await db.Set<SummarySnapshot>().AsNoTracking().Where(s => s.Key == key).Select(s => (DateTimeOffset?)s.ComputedAt).SingleOrDefaultAsync(ct);

    /// <summary>Computes the value now and keeps it; the snapshot's time is when the computation began
    /// (changes made while it ran may or may not be in it, so it claims no later moment).</summary>
    public async Task<Summary<T>> ComputeAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var started = Microseconds(clock.GetUtcNow());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var value = await compute(ct);
        await SaveAsync(key, started, (int)watch.ElapsedMilliseconds, JsonSerializer.Serialize(value, Json), ct);
        return new Summary<T>(value, started);
    }

    /// <summary>The kept value when it is at most <paramref name="maxAge"/> old; otherwise computes
    /// and keeps a new one (for keys no background refresh covers, such as a custom period).</summary>
    public async Task<Summary<T>> GetOrComputeAsync<T>(string key, TimeSpan maxAge, Func<CancellationToken, Task<T>> compute,
        CancellationToken ct)
    {
        var kept = await ReadAsync<T>(key, ct);
        return kept is not null && clock.GetUtcNow() - kept.AsOf <= maxAge ? kept : await ComputeAsync(key, compute, ct);
    }

    /// <summary>Records that a materialized view (or anything without a payload) was refreshed.</summary>
    public Task MarkRefreshedAsync(string key, DateTimeOffset at, int durationMs, CancellationToken ct) =>
        SaveAsync(key, Microseconds(at), durationMs, null, ct);

    /// <summary>The moment as PostgreSQL keeps it (to the microsecond), so a value read back equals the one returned.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.Ticks - (at.Ticks % 10), at.Offset);

    private async Task SaveAsync(string key, DateTimeOffset at, int durationMs, string? payload, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, SummarySnapshot.KeyMaxLength, nameof(key));
        // One statement, so two instances refreshing the same key never fail on each other: the
        // later computation wins, an older one never overwrites a newer one, and one of the same
        // moment leaves the first in place (a snapshot never changes once written, which readers
        // rely on: SummaryReadCache).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO summary_snapshots (key, computed_at, duration_ms, payload) VALUES ({key}, {at}, {durationMs}, {payload}::jsonb)
            ON CONFLICT (key) DO UPDATE SET computed_at = EXCLUDED.computed_at, duration_ms = EXCLUDED.duration_ms, payload = EXCLUDED.payload
            WHERE summary_snapshots.computed_at < EXCLUDED.computed_at
            """, ct);
    }
}

/// <summary>
/// The snapshots this app instance has read, latest per key, so that reading one again costs its
/// moment only (<see cref="SummaryStore.ReadAsync{T}"/>). A snapshot is immutable once written and a
/// newer one has a later moment, so a value found here is exactly what the table holds for that
/// moment. Keys not read for <see cref="Idle"/> are dropped: custom periods and users' own figures
/// come and go; beyond <see cref="MaxEntries"/> the least recently read go first.
/// </summary>
public sealed class SummaryReadCache(TimeProvider clock)
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    /// <summary>An office's figures are a few hundred kilobytes: this keeps the cache to tens of megabytes.</summary>
    public const int MaxEntries = 200;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    private sealed class Entry(object summary, long lastRead)
    {
        public object Summary { get; } = summary;

        public long LastRead { get; set; } = lastRead;
    }

    public Summary<T>? Find<T>(string key)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Summary is Summary<T> summary)
        {
            entry.LastRead = clock.GetTimestamp();
            return summary;
        }
        return null;
    }

    public void Keep<T>(string key, Summary<T> summary)
    {
        entries.AddOrUpdate(key, _ => new Entry(summary, clock.GetTimestamp()),
            (_, kept) => kept.Summary is Summary<T> old && old.AsOf > summary.AsOf ? kept : new Entry(summary, clock.GetTimestamp()));
        DropIdle();
    }

    private void DropIdle()
    {
        var now = clock.GetTimestamp();
        foreach (var (key, entry) in entries)
        {
            if (clock.GetElapsedTime(entry.LastRead, now) > Idle)
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
        if (entries.Count > MaxEntries)
        {
            foreach (var (key, entry) in entries.OrderBy(e => e.Value.LastRead).Take(entries.Count - MaxEntries).ToList())
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }
}
