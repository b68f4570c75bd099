using System.Text.RegularExpressions;

namespace TipCases.Domain.Offices;

/// <summary>
/// A prosecution office or unit. Every user belongs to one; later, every case is held by one, and
/// its <see cref="Code"/> prefixes the case references it issues (e.g. <c>CPO-2026-000123</c>).
/// </summary>
public sealed partial class Office
{
    public const int CodeMinLength = 2;
    public const int CodeMaxLength = 6;
    public const int NameMaxLength = 200;

    private Office() { }

    public Office(Guid id, string code, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Code = NormalizeCode(code);
        Name = RequireName(name);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Short upper-case code used in references. Never changes once issued, because
    /// references already printed on court documents carry it.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public void Rename(string name) => Name = RequireName(name);

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    private static string NormalizeCode(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (!IsValidCode(normalized))
        {
            throw new DomainRuleViolation(
                $"An office code is {CodeMinLength} to {CodeMaxLength} capital letters (A to Z), for example CPO.");
        }
        return normalized;
    }

    private static string RequireName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Length > NameMaxLength)
        {
            throw new DomainRuleViolation($"An office needs a name of at most {NameMaxLength} characters.");
        }
        return trimmed;
    }

    [GeneratedRegex("^[A-Z]{2,6}$")]
    private static partial Regex CodePattern();
}
