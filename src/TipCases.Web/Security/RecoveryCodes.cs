using System.Security.Cryptography;
using System.Text;

namespace TipCases.Web.Security;

/// <summary>
/// One-use codes for signing in without the authenticator app. Each has 24 characters from an
/// alphabet of 31 that cannot be mistaken for one another (about 119 bits), so a plain SHA-256
/// stores it safely (ASVS allows an unsalted hash from 112 bits); the codes themselves are shown
/// once and never stored.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 24;
    private const int GroupLength = 4;

    public static IReadOnlyList<string> New(int count = Count) =>
        Enumerable.Range(0, count).Select(_ => Format(RandomNumberGenerator.GetString(Alphabet, Length))).ToList();

    /// <summary>What is stored for a code: typed with or without dashes and spaces, in any case.</summary>
    public static string Hash(string code) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Normalize(code))));

    /// <summary>Whether the text could be a recovery code at all (as opposed to an app's code).</summary>
    public static bool LooksLikeOne(string? text) => text is not null && Normalize(text).Length == Length;

    private static string Normalize(string code)
    {
        var kept = new StringBuilder(Length);
        foreach (var c in code.ToLowerInvariant())
        {
            if (c is not (' ' or '-'))
            {
                kept.Append(c is < ' ' or > '~' ? '?' : c);
            }
        }
        return kept.ToString();
    }

    private static string Format(string code) =>
        string.Join('-', Enumerable.Range(0, Length / GroupLength).Select(i => code.Substring(i * GroupLength, GroupLength)));
}
