namespace ZemgaleNvo.Domain.Users;

/// <summary>The three kinds of portal user.</summary>
public static class Roles
{
    /// <summary>Manages users, organisations, regions and agreements.</summary>
    public const string Admin = "Admin";

    /// <summary>Ministry reviewer: reads every agreement, comments, returns or approves years.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>NGO staff: reports their own organisation's agreements.</summary>
    public const string NgoStaff = "NgoStaff";

    public static readonly IReadOnlyList<string> All = [Admin, Reviewer, NgoStaff];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
