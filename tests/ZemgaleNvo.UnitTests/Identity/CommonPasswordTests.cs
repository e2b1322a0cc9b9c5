using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.UnitTests.Identity;

public class CommonPasswordTests
{
    [Theory]
    [InlineData("123456789012")]
    [InlineData("qwerty123456")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("PASSWORD1234")]          // a listed password, any case, digits added
    [InlineData("Sunshine2024!")]
    [InlineData("!!dragon!!2024")]
    [InlineData("paroleparole")]          // a common word repeated
    [InlineData("Parole123456")]          // Latvian for "password", with digits
    [InlineData("latvija20242024")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("qwertyuiopasdf")]        // keyboard rows
    [InlineData("0987654321098")]
    [InlineData("abcdefghijklmn")]
    [InlineData("   ")]
    public void Guessable_passwords_are_common(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("zaļš mežs pie jelgavas ceļa")]
    [InlineData("correct horse battery staple")]
    [InlineData("zemgale-demo-parole")]   // the published demo password: long, but not on any list
    [InlineData("Mīlestība ir pacietīga 2024")]
    [InlineData("dragon fruit for breakfast")] // a listed word inside a phrase is fine
    [InlineData("vj4Kq!z9LmP2")]
    public void Passphrases_and_random_strings_are_not(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));
}
