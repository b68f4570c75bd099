using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;
using TipCases.Web.Infrastructure;
using TipCases.Web.Security;

namespace TipCases.Web.Pages.Account;

/// <summary>A new authenticator secret offered to a user: shown as a QR code and as text, and
/// carried between the page and its form in <see cref="Token"/> (encrypted, bound to the user,
/// valid for <see cref="AuthenticatorOffers.Lifetime"/>), so nothing is stored until a code from
/// the app proves it was set up.</summary>
public sealed record AuthenticatorOffer(string Token, string Key, string QrCodeDataUri)
{
    /// <summary>The key in groups of four, easier to type into an app.</summary>
    public string GroupedKey => string.Join(' ', Key.Chunk(4).Select(c => new string(c)));
}

/// <summary>Where an offer is made: an offer from one flow is refused by the other.</summary>
public enum OfferPurpose
{
    /// <summary>The first set-up, during a sign-in.</summary>
    FirstSetUp,
    /// <summary>A new app for a signed-in user, once they have confirmed it is them.</summary>
    Replacement,
}

public sealed class AuthenticatorOffers(IDataProtectionProvider dataProtection, TimeProvider clock) : IPageHandler
{
    public const string Issuer = "TipCases";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private IDataProtector Protector(OfferPurpose purpose) => dataProtection.CreateProtector("TipCases.AuthenticatorOffer.v1", purpose.ToString());

    public AuthenticatorOffer New(AppUser user, OfferPurpose purpose)
    {
        var key = Totp.NewKey();
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Describe(user, key, Protector(purpose).Protect($"{user.Id:N}|{issued}|{key}"));
    }

    /// <summary>The offer a form sent back, or null when it is not this user's, was made for the
    /// other purpose or is too old.</summary>
    public AuthenticatorOffer? Restore(string? token, AppUser user, OfferPurpose purpose)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        string payload;
        try
        {
            payload = Protector(purpose).Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 3 || parts[0] != user.Id.ToString("N")
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) > Lifetime)
        {
            return null;
        }
        return Describe(user, parts[2], token);
    }

    private static AuthenticatorOffer Describe(AppUser user, string key, string token)
    {
        var uri = Totp.AuthenticatorUri(Issuer, user.UserName!, key);
        // Drawn here, as a PNG in a data: URI (the CSP allows data: images): the secret never
        // leaves the server for a QR code service.
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 5, drawQuietZones: true);
        return new AuthenticatorOffer(token, key, "data:image/png;base64," + Convert.ToBase64String(png));
    }
}
