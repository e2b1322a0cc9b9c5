using System.ComponentModel.DataAnnotations;

namespace ZemgaleNvo.Web.Features.Account;

public sealed class CodeForm
{
    [Required(ErrorMessage = "Ievadiet kodu.")]
    [StringLength(32, ErrorMessage = "Kods ir par garu.")]
    [Display(Name = "Kods")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed record EnrolPage(CodeForm Form, string QrCodeDataUri, string GroupedKey, bool Required);

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, string? ReturnUrl);

/// <param name="WeeklyDigest">For reviewers: whether they receive the weekly digest (null for everyone else, who get none).</param>
public sealed record SignInSettingsPage(bool TwoFactorEnabled, int RecoveryCodesLeft, bool TwoFactorRequired, IReadOnlyList<Sessions.OpenSession> Sessions, bool? WeeklyDigest = null);
