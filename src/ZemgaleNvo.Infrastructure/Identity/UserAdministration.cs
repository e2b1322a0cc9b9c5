using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Data.Configurations;

namespace ZemgaleNvo.Infrastructure.Identity;

public sealed record UserCommandResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly UserCommandResult Success = new(true, []);
    public static UserCommandResult Failure(params string[] errors) => new(false, errors);
    public static UserCommandResult From(IdentityResult result) =>
        new(result.Succeeded, result.Errors.Select(e => e.Description).ToList());
}

/// <summary>
/// The one place that changes accounts: creating (with a password or by invitation), role and
/// organisation, lock and unlock, deactivation, password and two-factor resets, set-password links.
/// The admin screens, the <c>users</c> commands, the first-admin bootstrap, the demo seeding and the
/// user's own settings all come here, so every change applies the same rules and leaves the same
/// audit rows. Each change, its audit rows and (where sessions must end) a new security stamp are
/// saved in one transaction, and the user's open sessions (<see cref="SignInTicketStore"/>) end with
/// it. The audit names whoever <see cref="IDataScope.Actor"/> names: the
/// signed-in user in the portal, the operator on the command line, "system" for start-up.
/// </summary>
/// <remarks>
/// The automatic audit capture records domain records only (Identity's rows hold password hashes and
/// stamps), so account changes are written here, field by field, as entity "User" keyed by the user's
/// id, beside the sign-ins in the same hash-chained trail. Checks that speak to a person in their
/// language (an admin locking themselves out) stay with the screens; the rules about the account
/// itself (role and organisation) are checked here as well.
/// </remarks>
public sealed class UserAdministration(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, AppDbContext db, IUserStore<AppUser> serviceStore, IDataScope dataScope)
{
    public const string AuditEntityType = "User";

    /// <summary>Identity keeps recovery codes as one token of its own store under these names.</summary>
    private const string RecoveryCodesProvider = "[AspNetUserStore]";
    private const string RecoveryCodesName = "RecoveryCodes";

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

    /// <summary>An account with a password (the <c>users add</c> command, the first admin, the demo users).</summary>
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
        var (result, _) = await CreateAsync(email, role, organisationId, fullName, password, cancellationToken);
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
        return await CreateAsync(email.Trim(), role, organisationId, fullName, password: null, cancellationToken);
    }

    /// <summary>
    /// Gives the user exactly one role (and the organisation that goes with it). The new security
    /// stamp ends sessions that still carry the old role.
    /// </summary>
    public async Task<UserCommandResult> ChangeRoleAsync(AppUser user, string role, int? organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var refusal = RoleAssignment.Check(role, organisationId is not null);
        if (refusal != RoleAssignmentError.None)
        {
            return UserCommandResult.Failure(Describe(refusal, role));
        }
        await EnsureRolesAsync();
        return await ChangeAsync(user, async () =>
        {
            var current = await userManager.GetRolesAsync(user);
            Record(AuditAction.Updated, user, "Role", current.Count == 0 ? null : string.Join(",", current), role);
            if (user.OrganisationId != organisationId)
            {
                Record(AuditAction.Updated, user, "OrganisationId", Invariant(user.OrganisationId), Invariant(organisationId));
            }
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
            return UserCommandResult.Success;
        }, cancellationToken);
    }

    /// <summary>Locked until an admin unlocks it, not for the 15 minutes a failed-sign-in lockout lasts.</summary>
    public Task<UserCommandResult> LockAsync(AppUser user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, async () =>
        {
            Record(AuditAction.Updated, user, "LockoutEnd", Invariant(user.LockoutEnd), "locked");
            await userManager.SetLockoutEnabledAsync(user, true);
            return UserCommandResult.From(await userManager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        }, cancellationToken);

    public Task<UserCommandResult> UnlockAsync(AppUser user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, async () =>
        {
            Record(AuditAction.Updated, user, "LockoutEnd", Invariant(user.LockoutEnd), null);
            await userManager.SetLockoutEndDateAsync(user, null);
            return UserCommandResult.From(await userManager.ResetAccessFailedCountAsync(user));
        }, cancellationToken);

    /// <summary>The account stays (history names it) but cannot sign in; open sessions end.</summary>
    public Task<UserCommandResult> DeactivateAsync(AppUser user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, () =>
        {
            if (!user.IsDeactivated)
            {
                user.DeactivatedAtUtc = DateTime.UtcNow;
                Record(AuditAction.Updated, user, "DeactivatedAtUtc", null, Invariant(user.DeactivatedAtUtc));
            }
            return Task.FromResult(UserCommandResult.Success);
        }, cancellationToken);

    public Task<UserCommandResult> ReactivateAsync(AppUser user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, () =>
        {
            if (user.IsDeactivated)
            {
                Record(AuditAction.Updated, user, "DeactivatedAtUtc", Invariant(user.DeactivatedAtUtc), null);
                user.DeactivatedAtUtc = null;
            }
            return Task.FromResult(UserCommandResult.Success);
        }, cancellationToken);

    /// <summary>Ends every open session of the user (on every device) at once; the account itself is unchanged.</summary>
    public Task<UserCommandResult> EndSessionsAsync(AppUser user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, async () =>
        {
            var open = await db.SignInTickets.CountAsync(t => t.UserId == user.Id, cancellationToken);
            Record(AuditAction.Updated, user, "Sessions", Invariant(open), "ended");
            return UserCommandResult.Success;
        }, cancellationToken);

    /// <summary>
    /// A reviewer's own choice to receive the weekly digest or not. Not a security change: no new
    /// security stamp (the reviewer stays signed in), but an audit row like every account change,
    /// saved with it by the one update.
    /// </summary>
    public async Task<UserCommandResult> SetWeeklyDigestAsync(AppUser user, bool receive, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(user);
        if ((user.WeeklyDigestOffAtUtc is null) == receive)
        {
            return UserCommandResult.Success;
        }
        Record(AuditAction.Updated, user, "WeeklyDigest", receive ? "off" : "on", receive ? "on" : "off");
        user.WeeklyDigestOffAtUtc = receive ? null : nowUtc;
        var result = UserCommandResult.From(await userManager.UpdateAsync(user));
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
        }
        return result;
    }

    /// <summary>
    /// Before a new set-password link is made for an existing account: the new security stamp voids
    /// every older link (a token carries the stamp) and ends open sessions. The link itself is made
    /// and mailed by the caller, from <see cref="UserManager{TUser}.GeneratePasswordResetTokenAsync"/>.
    /// </summary>
    public Task<UserCommandResult> RenewSetPasswordLinkAsync(AppUser user, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, () =>
        {
            Record(AuditAction.Updated, user, "SetPasswordLink", null, "issued");
            return Task.FromResult(UserCommandResult.Success);
        }, cancellationToken);

    /// <summary>
    /// The password chosen on a set-password link. Nobody is signed in: the link's owner is the actor.
    /// Returns Identity's own result, whose error codes say whether the link or the password was refused.
    /// </summary>
    public async Task<IdentityResult> SetPasswordWithLinkAsync(AppUser user, string token, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Added first, so Identity's own save of the new hash and stamp commits it too; taken back
        // when the link or the password is refused and nothing is saved.
        var row = Record(AuditAction.Updated, user, "Password", null, "set", new AuditActor(user.Id, user.Email ?? user.Id, dataScope.Actor.RequestId));
        var result = await userManager.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            db.Entry(row).State = EntityState.Detached;
        }
        else
        {
            // Sessions opened with the old password end with it.
            await db.SignInTickets.Where(t => t.UserId == user.Id).ExecuteDeleteAsync();
        }
        return result;
    }

    /// <summary>
    /// A new password set by an operator (<c>users reset-password</c>). A forgotten password is often
    /// why an account got locked: the reset opens it again.
    /// </summary>
    public async Task<UserCommandResult> ResetPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            return UserCommandResult.Failure($"No user with the email {email}.");
        }
        // Made before the transaction: the first token may create a data-protection key, which is
        // stored through a context of its own and would wait for this transaction's write lock.
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        return await ChangeAsync(user, async () =>
        {
            Record(AuditAction.Updated, user, "Password", null, "reset");
            var result = await userManager.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
            {
                return UserCommandResult.From(result);
            }
            if (user.LockoutEnd is not null)
            {
                Record(AuditAction.Updated, user, "LockoutEnd", Invariant(user.LockoutEnd), null);
                await userManager.SetLockoutEndDateAsync(user, null);
            }
            return UserCommandResult.From(await userManager.ResetAccessFailedCountAsync(user));
        }, cancellationToken);
    }

    /// <summary>The <c>users reset-two-factor</c> command: <see cref="ResetTwoFactorAsync(AppUser, CancellationToken)"/> by email.</summary>
    public async Task<UserCommandResult> ResetTwoFactorAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await userManager.FindByEmailAsync(email);
        return user is null
            ? UserCommandResult.Failure($"No user with the email {email}.")
            : await ResetTwoFactorAsync(user, cancellationToken);
    }

    /// <summary>
    /// Two-factor off, a new authenticator key (the old app entry stops producing valid codes), the
    /// recovery codes gone and a new security stamp (open sessions end), for a lost phone, a key that
    /// may have been seen, or an admin's reset. Admins and reviewers are asked to enrol again at their
    /// next sign-in; the same everywhere: the admin screen, the command line and the user's own page.
    /// </summary>
    public Task<UserCommandResult> ResetTwoFactorAsync(AppUser user, CancellationToken cancellationToken = default) =>
        TwoFactorOffAsync(user, "reset", cancellationToken);

    /// <summary>NGO staff choosing to sign in with the password alone: the same as a reset, recorded as their choice.</summary>
    public Task<UserCommandResult> TurnOffTwoFactorAsync(AppUser user, CancellationToken cancellationToken = default) =>
        TwoFactorOffAsync(user, "off", cancellationToken);

    private Task<UserCommandResult> TwoFactorOffAsync(AppUser user, string recorded, CancellationToken cancellationToken) =>
        ChangeAsync(user, async () =>
        {
            Record(AuditAction.Updated, user, "TwoFactorEnabled", Invariant(user.TwoFactorEnabled), recorded);
            var disabled = await userManager.SetTwoFactorEnabledAsync(user, false);
            if (!disabled.Succeeded)
            {
                return UserCommandResult.From(disabled);
            }
            var key = await userManager.ResetAuthenticatorKeyAsync(user);
            if (!key.Succeeded)
            {
                return UserCommandResult.From(key);
            }
            return UserCommandResult.From(await userManager.RemoveAuthenticationTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName));
        }, cancellationToken);

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

    public async Task<bool> HasAuthenticatorKeyAsync(AppUser user) => !string.IsNullOrEmpty(await userManager.GetAuthenticatorKeyAsync(user));

    /// <summary>The current code of a user's authenticator, as their app shows it now (the demo's helper command).</summary>
    public async Task<string?> CurrentAuthenticatorCodeAsync(AppUser user, DateTimeOffset now)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        return string.IsNullOrEmpty(key) ? null : Totp.Code(Totp.DecodeKey(key), Totp.StepAt(now));
    }

    private async Task<(UserCommandResult Result, AppUser? User)> CreateAsync(
        string email, string role, int? organisationId, string? fullName, string? password, CancellationToken cancellationToken)
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
        // The account, its role and its audit rows are saved together or not at all: a user without
        // a role must not be left behind half-made.
        await using var transaction = await BeginAsync(cancellationToken);
        Record(AuditAction.Created, user, "Email", null, user.Email);
        Record(AuditAction.Created, user, "FullName", null, user.FullName);
        Record(AuditAction.Created, user, "Role", null, role);
        Record(AuditAction.Created, user, "OrganisationId", null, Invariant(user.OrganisationId));
        var created = password is null ? await userManager.CreateAsync(user) : await userManager.CreateAsync(user, password);
        var result = created.Succeeded ? await userManager.AddToRoleAsync(user, role) : created;
        if (!result.Succeeded)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            return (UserCommandResult.From(result), null);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return (UserCommandResult.Success, user);
    }

    /// <summary>
    /// One account change in one transaction: the change, its audit rows and a new security stamp
    /// (which ends the user's open sessions and voids older set-password links) are saved together or
    /// not at all. A stamp that changed meanwhile (another admin's change) refuses the whole change.
    /// </summary>
    private async Task<UserCommandResult> ChangeAsync(AppUser user, Func<Task<UserCommandResult>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await BeginAsync(cancellationToken);
        var result = await change();
        if (result.Succeeded)
        {
            result = UserCommandResult.From(await userManager.UpdateSecurityStampAsync(user));
        }
        if (result.Succeeded)
        {
            // The sessions end now, on every instance: their tickets are gone (issue 17). The new
            // stamp stays as the second line (and voids older set-password links).
            await db.SignInTickets.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        }
        if (!result.Succeeded)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            return result;
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>A transaction of its own, unless the caller already holds one (which then decides).</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    /// <summary>Adds an audit row to the context; the next save (UserManager's own update) commits it with the change.</summary>
    private AuditEntry Record(AuditAction action, AppUser user, string field, string? oldValue, string? newValue, AuditActor? actor = null)
    {
        actor ??= dataScope.Actor;
        var row = new AuditEntry
        {
            AtUtc = DateTime.UtcNow,
            UserId = actor.UserId,
            UserName = Truncate(actor.UserName, 256),
            Action = action,
            EntityType = AuditEntityType,
            EntityKey = user.Id,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            RequestId = actor.RequestId is { } id ? Truncate(id, Limits.Code) : null,
        };
        db.AuditEntries.Add(row);
        return row;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static string? Invariant(object? value) => value switch
    {
        null => null,
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Describe(RoleAssignmentError error, string role) => error switch
    {
        RoleAssignmentError.UnknownRole => $"Unknown role \"{role}\"; use one of: {string.Join(", ", Roles.All)}.",
        RoleAssignmentError.OrganisationRequired => "NgoStaff users belong to one organisation: give --organisation.",
        _ => $"Only NgoStaff users belong to an organisation; a(n) {role} does not.",
    };

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
