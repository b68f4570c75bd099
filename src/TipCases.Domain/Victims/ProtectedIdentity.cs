namespace TipCases.Domain.Victims;

/// <summary>
/// A victim's true identity (Protocol Art. 6(1)): held only encrypted, shown only to the people
/// who need it, after an explicit and audited reveal. Never logged, never in a URL, an audit
/// value, a search result or an export.
/// </summary>
public sealed record ProtectedIdentity(
    string GivenNames,
    string FamilyName,
    DateOnly? DateOfBirth,
    string? Phone,
    string? Email,
    string? Address,
    string? IdentityDocuments)
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int DocumentsMaxLength = 500;
}

/// <summary>Encrypts and decrypts identities; the key lives outside the domain and the database.
/// The victim's id is bound to the ciphertext, so an identity cannot be moved to another record.</summary>
public interface IIdentityProtector
{
    byte[] Protect(ProtectedIdentity identity, Guid victimId);

    ProtectedIdentity Unprotect(byte[] ciphertext, Guid victimId);
}
