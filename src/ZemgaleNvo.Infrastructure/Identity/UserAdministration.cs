using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Infrastructure.Identity;

public sealed record UserCommandResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly UserCommandResult Success = new(true, []);
    public static UserCommandResult Failure(params string[] errors) => new(false, errors);
    public static UserCommandResult From(IdentityResult result) =>
        new(result.Succeeded, result.Errors.Select(e => e.Description).ToList());
}

/// <summary>
/// Creating users and resetting passwords, shared by the admin commands, the first-admin bootstrap
/// and the demo seeding, so all three apply the same rules (role known, staff tied to one organisation).
/// </summary>
public sealed class UserAdministration(UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, AppDbContext db, IUserStore<AppUser> serviceStore)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var result = await roleManager.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Role {role} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    public Task<AppUser?> FindAsync(string email) => userManager.FindByEmailAsync(email);

    public async Task<bool> AnyInRoleAsync(string role) => (await userManager.GetUsersInRoleAsync(role)).Count > 0;

    /// <param name="organisation">Name, registration number or id of the organisation; required for NgoStaff, refused for the others.</param>
    public async Task<UserCommandResult> AddAsync(
        string email, string role, string password, string? organisation, string? fullName = null, CancellationToken cancellationToken = default)
    {
        int? organisationId = null;
        if (role == Roles.NgoStaff && !string.IsNullOrWhiteSpace(organisation))
        {
            organisationId = await FindOrganisationIdAsync(organisation, cancellationToken);
            if (organisationId is null)
            {
                return UserCommandResult.Failure($"No organisation matches \"{organisation}\" (by name, registration number or id).");
            }
        }
        var refusal = RoleAssignment.Check(role, role == Roles.NgoStaff ? organisationId is not null : !string.IsNullOrWhiteSpace(organisation));
        if (refusal != RoleAssignmentError.None)
        {
            return UserCommandResult.Failure(Describe(refusal, role));
        }
        var (result, _) = await CreateAsync(email, role, organisationId, fullName, password);
        return result;
    }

    /// <summary>
    /// Creates an account with no password at all, so nobody can sign in with it until its owner sets
    /// one through a set-password link. The caller has checked the role and organisation
    /// (<see cref="RoleAssignment"/>) in its own words; this refuses a wrong pair all the same.
    /// </summary>
    public async Task<(UserCommandResult Result, AppUser? User)> InviteAsync(
        string email, string role, int? organisationId, string? fullName, CancellationToken cancellationToken = default)
    {
        var refusal = RoleAssignment.Check(role, organisationId is not null);
        if (refusal != RoleAssignmentError.None)
        {
            return (UserCommandResult.Failure(Describe(refusal, role)), null);
        }
        if (organisationId is not null && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return (UserCommandResult.Failure($"No organisation with id {organisationId}."), null);
        }
        return await CreateAsync(email.Trim(), role, organisationId, fullName, password: null);
    }

    /// <summary>
    /// Gives the user exactly one role (and the organisation that goes with it). The caller renews
    /// the security stamp, so sessions that still carry the old role end.
    /// </summary>
    public async Task<UserCommandResult> ChangeRoleAsync(AppUser user, string role, int? organisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var refusal = RoleAssignment.Check(role, organisationId is not null);
        if (refusal != RoleAssignmentError.None)
        {
            return UserCommandResult.Failure(Describe(refusal, role));
        }
        await EnsureRolesAsync();
        var current = await userManager.GetRolesAsync(user);
        var stale = current.Where(r => r != role).ToList();
        if (stale.Count > 0)
        {
            var removed = await userManager.RemoveFromRolesAsync(user, stale);
            if (!removed.Succeeded)
            {
                return UserCommandResult.From(removed);
            }
        }
        if (!current.Contains(role))
        {
            var added = await userManager.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return UserCommandResult.From(added);
            }
        }
        user.OrganisationId = organisationId;
        return UserCommandResult.From(await userManager.UpdateAsync(user));
    }

    private async Task<(UserCommandResult Result, AppUser? User)> CreateAsync(string email, string role, int? organisationId, string? fullName, string? password)
    {
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return (UserCommandResult.Failure($"A user with the email {email} already exists."), null);
        }
        await EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            OrganisationId = organisationId,
            LockoutEnabled = true,
        };
        var created = password is null ? await userManager.CreateAsync(user) : await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (UserCommandResult.From(created), null);
        }
        var inRole = await userManager.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            // A user without a role must not be left behind half-made.
            await userManager.DeleteAsync(user);
            return (UserCommandResult.From(inRole), null);
        }
        return (UserCommandResult.Success, user);
    }

    private static string Describe(RoleAssignmentError error, string role) => error switch
    {
        RoleAssignmentError.UnknownRole => $"Unknown role \"{role}\"; use one of: {string.Join(", ", Roles.All)}.",
        RoleAssignmentError.OrganisationRequired => "NgoStaff users belong to one organisation: give --organisation.",
        _ => $"Only NgoStaff users belong to an organisation; a(n) {role} does not.",
    };

    public async Task<UserCommandResult> ResetPasswordAsync(string email, string password)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            return UserCommandResult.Failure($"No user with the email {email}.");
        }
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        var result = await userManager.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            // A forgotten password is often why an account got locked: the reset opens it again.
            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
        }
        return UserCommandResult.From(result);
    }

    /// <summary>
    /// Turns two-factor on with a given authenticator key. Only the demo seeding uses it, so the demo
    /// reviewer and admin have keys the README can publish; real users enrol on their own page, where
    /// the key is random and shown only to them.
    /// </summary>
    public async Task<UserCommandResult> EnableAuthenticatorAsync(AppUser user, string base32Key)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (userManager.SupportsUserAuthenticatorKey && GetAuthenticatorKeyStore() is { } store)
        {
            await store.SetAuthenticatorKeyAsync(user, base32Key, CancellationToken.None);
            var updated = await userManager.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return UserCommandResult.From(updated);
            }
            return UserCommandResult.From(await userManager.SetTwoFactorEnabledAsync(user, true));
        }
        return UserCommandResult.Failure("The user store keeps no authenticator keys.");
    }

    /// <summary>
    /// Two-factor off and the old authenticator key gone, for a user who lost their phone and their
    /// recovery codes. Admins and reviewers are asked to enrol again at their next sign-in; the new
    /// security stamp ends their open sessions.
    /// </summary>
    public async Task<UserCommandResult> ResetTwoFactorAsync(string email)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            return UserCommandResult.Failure($"No user with the email {email}.");
        }
        var disabled = await userManager.SetTwoFactorEnabledAsync(user, false);
        if (!disabled.Succeeded)
        {
            return UserCommandResult.From(disabled);
        }
        return UserCommandResult.From(await userManager.ResetAuthenticatorKeyAsync(user));
    }

    public async Task<bool> HasAuthenticatorKeyAsync(AppUser user) => !string.IsNullOrEmpty(await userManager.GetAuthenticatorKeyAsync(user));

    /// <summary>The current code of a user's authenticator, as their app shows it now (the demo's helper command).</summary>
    public async Task<string?> CurrentAuthenticatorCodeAsync(AppUser user, DateTimeOffset now)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        return string.IsNullOrEmpty(key) ? null : Totp.Code(Totp.DecodeKey(key), Totp.StepAt(now));
    }

    private IUserAuthenticatorKeyStore<AppUser>? GetAuthenticatorKeyStore() =>
        serviceStore as IUserAuthenticatorKeyStore<AppUser>;

    private async Task<int?> FindOrganisationIdAsync(string key, CancellationToken cancellationToken)
    {
        var trimmed = key.Trim();
        var byName = await db.Organisations
            .Where(o => o.Name == trimmed || o.RegistrationNumber == trimmed)
            .Select(o => (int?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (byName is not null || !int.TryParse(trimmed, out var id))
        {
            return byName;
        }
        return await db.Organisations.Where(o => o.Id == id).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
