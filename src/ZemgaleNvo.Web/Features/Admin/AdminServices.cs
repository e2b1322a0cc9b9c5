using Microsoft.AspNetCore.Identity;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Features.Account;
using ZemgaleNvo.Web.Features.Admin.Agreements;
using ZemgaleNvo.Web.Features.Admin.Users;
using ZemgaleNvo.Web.Notifications;

namespace ZemgaleNvo.Web.Features.Admin;

/// <summary>What the admin screens and the set-password page need, registered in one place.</summary>
internal static class AdminServices
{
    /// <summary>Call after <c>AddIdentity</c>: the sign-in manager registered here replaces Identity's.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        // Deactivated accounts cannot sign in (PortalSignInManager.CanSignInAsync).
        services.AddScoped<SignInManager<AppUser>, PortalSignInManager>();

        // Set-password links: Identity's password-reset tokens with a 72-hour life of their own.
        services.AddTransient<SetPasswordTokenProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[SetPasswordTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(SetPasswordTokenProvider));
            options.Tokens.PasswordResetTokenProvider = SetPasswordTokenProvider.ProviderName;
        });
        services.AddScoped<SetPasswordLinks>();
        services.AddScoped<IAccountMail, AccountMail>();
        services.AddScoped<UserPages>();

        services.AddScoped<UserListQuery>();
        services.AddScoped<AgreementUsage>();
        return services;
    }
}
