namespace ZemgaleNvo.Domain.Users;

/// <summary>What an account may do right now, as the admin list shows it.</summary>
public enum UserStatus
{
    Active,

    /// <summary>Locked by an admin or by too many failed sign-ins, until the lockout ends.</summary>
    Locked,

    /// <summary>Switched off for good by an admin; kept because history names the user.</summary>
    Deactivated,
}

public static class UserStatuses
{
    /// <summary>
    /// Deactivation wins over a lock (it is the stronger state); a lockout counts only while it is
    /// enabled and its end lies in the future, as Identity decides it at sign-in.
    /// </summary>
    public static UserStatus Of(DateTime? deactivatedAtUtc, bool lockoutEnabled, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        deactivatedAtUtc is not null ? UserStatus.Deactivated
        : lockoutEnabled && lockoutEnd > now ? UserStatus.Locked
        : UserStatus.Active;
}
