namespace TipCases.Web.Infrastructure;

/// <summary>Builds ILIKE patterns from what a user typed, so their % and _ match literally.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Contains(string text) => "%" + Escape(text.Trim()) + "%";

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
