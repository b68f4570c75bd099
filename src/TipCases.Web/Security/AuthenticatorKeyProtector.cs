using System.Security.Cryptography;
using System.Text;

namespace TipCases.Web.Security;

/// <summary>
/// Encrypts authenticator secrets (AES-256-GCM, the user's id bound as associated data) under a
/// key derived from <c>Security:IdentityKey</c>, so the database and its backups alone never give
/// anyone the seeds that make sign-in codes. Stored as "v1." followed by base64 of
/// [nonce 12][tag 16][ciphertext].
/// </summary>
public sealed class AuthenticatorKeyProtector
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public AuthenticatorKeyProtector(IConfiguration configuration)
    {
        var master = Convert.FromBase64String(configuration[IdentityProtector.KeySetting]
            ?? throw new InvalidOperationException($"{IdentityProtector.KeySetting} is not set."));
        // A key of its own, so this use and the victims' identities never share one.
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: [], info: "TipCases authenticator secrets v1"u8.ToArray());
    }

    public string Protect(string base32Key, Guid userId)
    {
        var plaintext = Encoding.ASCII.GetBytes(base32Key);
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), userId.ToByteArray());
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>The secret, or null when the stored value is not one this key made for this user.</summary>
    public string? Unprotect(string? stored, Guid userId)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var data = Convert.FromBase64String(stored[Prefix.Length..]);
            if (data.Length <= NonceSize + TagSize)
            {
                return null;
            }
            var plaintext = new byte[data.Length - NonceSize - TagSize];
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plaintext, userId.ToByteArray());
            return Encoding.ASCII.GetString(plaintext);
        }
        catch (Exception ex) when (ex is FormatException or AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
