using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace ZemgaleNvo.Infrastructure.Identity;

/// <summary>
/// Refuses passwords that attackers try first (ASVS 6.2.4, NIST 800-63B 3.1.1.2): a password from
/// the embedded list of common passwords, such a password with digits or symbols around it
/// ("dragon2024!"), one repeated ("paroleparole"), a single character or a keyboard run, and one
/// that contains the user's own email name. Length is checked by Identity's own options (12); there
/// are deliberately no composition rules.
/// </summary>
public sealed class CommonPasswordValidator(IdentityErrorDescriber describer) : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "CommonPassword";
    public const string PersonalErrorCode = "PersonalPassword";

    private static readonly Lazy<HashSet<string>> Common = new(LoadList);

    /// <summary>Rows of a keyboard and the digits, in both directions: "qwertyuiop…", "1234567890…".</summary>
    private static readonly string[] Runs =
    [
        "1234567890", "qwertyuiopasdfghjklzxcvbnm", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
        "0987654321", "mnbvcxzlkjhgfdsapoiuytrewq", "poiuytrewq", "lkjhgfdsa", "mnbvcxz", "zyxwvutsrqponmlkjihgfedcba",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = (describer as IPasswordAdviceDescriber)?.CommonPassword()
                    ?? "Šī parole ir plaši izplatīta un viegli uzminama. Izvēlieties citu, piemēram, vairāku vārdu frāzi.",
            }));
        }
        if (ContainsOwnName(password, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = PersonalErrorCode,
                Description = (describer as IPasswordAdviceDescriber)?.PersonalPassword()
                    ?? "Parole nedrīkst saturēt jūsu e-pasta adresi vai tās daļu pirms @.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>True when the password is, or is built trivially from, a common password.</summary>
    public static bool IsCommon(string password)
    {
        var normalised = password.Trim().ToLower(CultureInfo.InvariantCulture);
        if (normalised.Length == 0 || Common.Value.Contains(normalised))
        {
            return true;
        }

        // Whatever letters remain once digits and symbols are cut off both ends: "Sunshine2024!" → "sunshine".
        var core = normalised.Trim(NonLetters(normalised));
        if (core.Length == 0 || (core.Length >= 4 && Common.Value.Contains(core)))
        {
            return true;
        }
        return IsRepetition(normalised) || IsRepetition(core) || IsKeyboardRun(normalised);
    }

    private static char[] NonLetters(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    /// <summary>"aaaaaaaaaaaa", "abcabcabcabc", "paroleparole": a short unit (≤ 3) or a common word, repeated.</summary>
    private static bool IsRepetition(string text)
    {
        for (var unit = 1; unit <= text.Length / 2; unit++)
        {
            if (text.Length % unit != 0)
            {
                continue;
            }
            var piece = text[..unit];
            if (!string.Concat(Enumerable.Repeat(piece, text.Length / unit)).Equals(text, StringComparison.Ordinal))
            {
                continue;
            }
            if (unit <= 3 || Common.Value.Contains(piece) || Common.Value.Contains(piece.Trim(NonLetters(piece))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A password that is only a stretch of one keyboard row or of the alphabet or digits.</summary>
    private static bool IsKeyboardRun(string text) =>
        Runs.Any(run => run.Contains(text, StringComparison.Ordinal) || (run + run).Contains(text, StringComparison.Ordinal));

    private static bool ContainsOwnName(string password, AppUser user)
    {
        var email = user.Email ?? user.UserName;
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var name = at > 0 ? email[..at] : email;
        // Very short names ("jk@…") are too likely to occur by chance in a good passphrase.
        return name.Length >= 4 && password.Contains(name, StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<string> LoadList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ZemgaleNvo.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }
        return set;
    }
}

/// <summary>
/// Implemented by the web's error describer, which words these two refusals in the user's language;
/// without it (a bare host) the Latvian text is used.
/// </summary>
public interface IPasswordAdviceDescriber
{
    string CommonPassword();
    string PersonalPassword();
}
