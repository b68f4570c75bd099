using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TipCases.Web.Security;

/// <summary>
/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the kind every
/// authenticator app shows. Identity's own implementation is internal, reads the wall clock and
/// does not say which time step a code matched, which the once-only rule needs.
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public const int KeyBytes = 20;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Steps accepted either side of now: one, for a phone clock a little off or a code
    /// typed as it changes (RFC 6238 §5.2 recommends at most one step of network delay).</summary>
    public const int Window = 1;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new random shared secret, in base32 as authenticator apps take it.</summary>
    public static string NewKey() => Base32Encode(RandomNumberGenerator.GetBytes(KeyBytes));

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static string Code(string base32Key, long step) => Code(Base32Decode(base32Key), step);

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; HMAC-SHA1 is not affected by SHA-1 collisions.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The time step whose code <paramref name="code"/> is, within <see cref="Window"/>
    /// steps of <paramref name="now"/>; null when it is none of them.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        var normalized = Normalize(code);
        if (normalized is null)
        {
            return null;
        }
        var key = Base32Decode(base32Key);
        var current = StepAt(now);
        long? match = null;
        // Every step is computed and compared in constant time, so timing tells nothing.
        for (var step = current - Window; step <= current + Window; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(normalized)))
            {
                match ??= step;
            }
        }
        CryptographicOperations.ZeroMemory(key);
        return match;
    }

    /// <summary>Six digits, spaces and dashes allowed in between ("123 456"); null otherwise.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }
        var digits = new StringBuilder(Digits);
        foreach (var c in code)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-'))
            {
                return null;
            }
        }
        return digits.Length == Digits ? digits.ToString() : null;
    }

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={base32Key}&issuer={Uri.EscapeDataString(issuer)}&digits={Digits}&period={(int)Step.TotalSeconds}";

    public static string Base32Encode(ReadOnlySpan<byte> data)
    {
        var output = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            output.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return output.ToString();
    }

    public static byte[] Base32Decode(string base32)
    {
        var text = base32.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not a base32 key.");
            }
            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                output[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return output;
    }
}
