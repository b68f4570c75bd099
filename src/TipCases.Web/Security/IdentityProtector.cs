using System.Security.Cryptography;
using System.Text.Json;
using TipCases.Domain.Victims;

namespace TipCases.Web.Security;

/// <summary>
/// AES-256-GCM encryption of victims' identities in the application, so the database (and its
/// backups) never hold them in plain text. Layout: [format 1][nonce 12][tag 16][ciphertext].
/// The victim's id is the associated data: a ciphertext copied onto another victim's row fails
/// to decrypt. The key comes from configuration (<c>Security:IdentityKey</c>, base64 of 32 bytes),
/// never from the repository or the database.
/// </summary>
public sealed class IdentityProtector : IIdentityProtector
{
    public const string KeySetting = "Security:IdentityKey";
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public IdentityProtector(IConfiguration configuration)
    {
        var configured = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"No key for victims' identities: set {KeySetting} (environment: Security__IdentityKey) to 32 random bytes in base64, " +
                "e.g. from `openssl rand -base64 32`. run.sh makes one for development under .data/.");
        }
        try
        {
            _key = Convert.FromBase64String(configured);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{KeySetting} is not valid base64.", ex);
        }
        if (_key.Length != 32)
        {
            throw new InvalidOperationException($"{KeySetting} must be 32 bytes (256 bits) in base64; it is {_key.Length}.");
        }
    }

    public byte[] Protect(ProtectedIdentity identity, Guid victimId)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(identity);
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), victimId.ToByteArray());
        CryptographicOperations.ZeroMemory(plaintext);
        return output;
    }

    public ProtectedIdentity Unprotect(byte[] ciphertext, Guid victimId)
    {
        if (ciphertext.Length < 1 + NonceSize + TagSize || ciphertext[0] != FormatVersion)
        {
            throw new CryptographicException("The stored identity is not in a format this version can read.");
        }
        var plaintext = new byte[ciphertext.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(ciphertext.AsSpan(1, NonceSize), ciphertext.AsSpan(1 + NonceSize + TagSize), ciphertext.AsSpan(1 + NonceSize, TagSize),
            plaintext, victimId.ToByteArray());
        try
        {
            return JsonSerializer.Deserialize<ProtectedIdentity>(plaintext)
                ?? throw new CryptographicException("The stored identity is empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
