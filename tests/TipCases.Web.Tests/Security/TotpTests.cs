using TipCases.Web.Security;

namespace TipCases.Web.Tests.Security;

/// <summary>The one-time codes are those of RFC 6238 (its appendix B test values, SHA-1, cut to
/// the 6 digits authenticator apps show), checked without the app.</summary>
public sealed class TotpTests
{
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_rfc_test_values(long unixSeconds, string code) =>
        Totp.Code(RfcKey, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))).ShouldBe(code);

    [Theory]
    [InlineData(-2, false)]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void A_code_is_accepted_one_step_either_side_of_now_and_no_further(int stepsAway, bool accepted)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_015);
        var code = Totp.Code(RfcKey, Totp.StepAt(now) + stepsAway);

        var match = Totp.MatchingStep(RfcKey, code, now);

        (match == Totp.StepAt(now) + stepsAway).ShouldBe(accepted);
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12345a", null)]
    [InlineData("１２３４５６", null)]
    [InlineData("", null)]
    public void Only_six_digits_are_a_code(string typed, string? normalized) => Totp.Normalize(typed).ShouldBe(normalized);

    [Fact]
    public void New_keys_are_random_base32_of_160_bits()
    {
        var key = Totp.NewKey();

        key.Length.ShouldBe(32);
        Totp.Base32Decode(key).Length.ShouldBe(20);
        Totp.Base32Encode(Totp.Base32Decode(key)).ShouldBe(key);
        Totp.NewKey().ShouldNotBe(key);
    }

    [Fact]
    public void The_authenticator_uri_names_the_issuer_and_account_and_carries_the_key()
    {
        Totp.AuthenticatorUri("TipCases", "paula.p", RfcKey)
            .ShouldBe($"otpauth://totp/TipCases:paula.p?secret={RfcKey}&issuer=TipCases&digits=6&period=30");
    }

    [Fact]
    public void Recovery_codes_are_long_random_and_typed_in_any_case_with_or_without_dashes()
    {
        var codes = RecoveryCodes.New();

        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        codes.ShouldAllBe(c => c.Replace("-", "").Length == 24);
        RecoveryCodes.Hash(codes[0].ToUpperInvariant().Replace("-", " ")).ShouldBe(RecoveryCodes.Hash(codes[0]));
        RecoveryCodes.Hash(codes[0]).ShouldNotBe(RecoveryCodes.Hash(codes[1]));
        RecoveryCodes.LooksLikeOne(codes[0]).ShouldBeTrue();
        RecoveryCodes.LooksLikeOne("123456").ShouldBeFalse();
    }
}
