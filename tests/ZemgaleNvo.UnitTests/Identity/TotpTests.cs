using System.Text;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.UnitTests.Identity;

public class TotpTests
{
    // RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890", 8 digits.
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Codes_match_the_test_vectors_of_RFC_6238(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        var code = Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), digits: 8);

        Assert.Equal(expected, code);
    }

    [Fact]
    public void The_six_digit_code_is_the_last_six_digits_as_authenticator_apps_show_it()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal("287082", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(59))));
    }

    [Fact]
    public void A_Base32_key_decodes_whatever_its_case_spacing_or_padding()
    {
        // "12345678901234567890" in Base32 (RFC 4648).
        const string encoded = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        var expected = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, Totp.DecodeKey(encoded));
        Assert.Equal(expected, Totp.DecodeKey("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Equal(Encoding.ASCII.GetBytes("f"), Totp.DecodeKey("MY======"));
        Assert.Throws<FormatException>(() => Totp.DecodeKey("GEZD1"));
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12345a", null)]
    [InlineData("١٢٣٤٥٦", null)] // Arabic-Indic digits are digits, but not the ones an app shows
    [InlineData(null, null)]
    public void Typed_codes_are_read_as_six_plain_digits(string? typed, string? expected) =>
        Assert.Equal(expected, Totp.Normalise(typed));

    [Fact]
    public void The_app_address_names_the_portal_and_the_account_and_carries_the_key()
    {
        var address = Totp.AppAddress("ZemgaleNvo", "jana@ministrija.lv", "abcd efgh");

        Assert.Equal("otpauth://totp/ZemgaleNvo:jana%40ministrija.lv?secret=ABCDEFGH&issuer=ZemgaleNvo&digits=6&period=30", address);
    }

    [Fact]
    public void The_key_is_shown_in_groups_of_four()
    {
        Assert.Equal("ABCD EFGH IJ", Totp.Grouped("abcdefghij"));
    }
}
