using System.Globalization;

namespace TipCases.Domain.Cases;

/// <summary>
/// A case's reference, e.g. <c>CPO-2026-000123</c>: the office's code, the year the case was
/// opened and a number counted per office and year. Numbers are handed out by the database, one
/// at a time, and never handed out twice.
/// </summary>
public sealed record CaseReference(string OfficeCode, int Year, long Number)
{
    public const int MaxLength = 24;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{OfficeCode}-{Year:D4}-{Number:D6}");
}
