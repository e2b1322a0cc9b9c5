using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Identity's refusals (password too short, email taken, link no longer valid…) in the user's
/// language instead of Identity's built-in English; the admin commands get the Latvian text.
/// </summary>
public sealed class PortalIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber, IPasswordAdviceDescriber
{
    private IdentityError Error(string code, string text, params object[] arguments) =>
        new() { Code = code, Description = localizer[text, arguments] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Darbību neizdevās pabeigt.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Lietotāja datus tikko mainīja kāds cits. Atveriet lapu no jauna un mēģiniet vēlreiz.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Nepareiza parole.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Saite vai kods vairs nav derīgs.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Rezerves kods nav derīgs.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "E-pasta adrese „{0}” nav derīga.", email ?? "");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "E-pasta adrese „{0}” nav derīga.", userName ?? "");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Lietotājs ar e-pastu {0} jau ir.", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Lietotājs ar e-pastu {0} jau ir.", userName);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Lietotājam jau ir parole.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Šim lietotājam bloķēšana nav ieslēgta.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Lietotājam jau ir loma {0}.", role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Lietotājam nav lomas {0}.", role);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Parolei jābūt vismaz {0} rakstzīmes garai.", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Parolē jābūt vismaz {0} dažādām rakstzīmēm.", uniqueChars);

    public string CommonPassword() => localizer["Šī parole ir plaši izplatīta un viegli uzminama. Izvēlieties citu, piemēram, vairāku vārdu frāzi."];
    public string PersonalPassword() => localizer["Parole nedrīkst saturēt jūsu e-pasta adresi vai tās daļu pirms @."];
}
