using System.Collections;

namespace TipCases.Web.Auditing;

/// <summary>The "which fields, old and new values" part of an audit event.</summary>
public static class AuditChanges
{
    /// <summary>Compares two snapshots with the same property names and keeps only what changed,
    /// as <c>{ field: { old, new } }</c>.</summary>
    public static IReadOnlyDictionary<string, object?> Between(object before, object after)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in after.GetType().GetProperties())
        {
            var previous = before.GetType().GetProperty(property.Name)?.GetValue(before);
            var current = property.GetValue(after);
            if (!AreEqual(previous, current))
            {
                changes[property.Name] = new { old = previous, @new = current };
            }
        }
        return changes;
    }

    private static bool AreEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (string, _) or (_, string) => Equals(a, b),
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().SequenceEqual(y.Cast<object?>()),
        _ => Equals(a, b),
    };
}
