using ZemgaleNvo.Domain.Users;

namespace ZemgaleNvo.Web.Commands;

/// <summary>An admin command and its options, as parsed from the command line.</summary>
internal sealed record AdminCommand(string Name, IReadOnlyDictionary<string, string> Options)
{
    public string? Option(string name) => Options.GetValueOrDefault(name);
}

/// <summary>
/// Parses <c>migrate</c>, <c>seed-demo</c>, <c>generate-large-agreement [--years N] [--results N] [--spending N] [--seed N]</c>, <c>users add --email E --role R --password P [--organisation ORG]</c>
/// and <c>users reset-password --email E --password P</c>. Anything that looks like a command but is
/// not well-formed is an error (exit code 2 with the usage); no arguments, or only host settings
/// (<c>--urls …</c>, <c>--environment …</c>), start the web server.
/// </summary>
internal static class AdminCommandLine
{
    public const string Usage = """
        Usage:
          ZemgaleNvo.Web                       start the portal
          ZemgaleNvo.Web migrate               apply database migrations and exit
          ZemgaleNvo.Web seed-demo             load the demo agreement and demo users (Development only)
          ZemgaleNvo.Web generate-large-agreement [--years 10] [--results 2000] [--spending 5000] [--seed 18]
                                               add a generated agreement of that size for load tests (Development only)
          ZemgaleNvo.Web backup --to FILE      copy the SQLite database while the portal runs
          ZemgaleNvo.Web users add --email E --role Admin|Reviewer|NgoStaff --password P [--organisation ORG]
          ZemgaleNvo.Web users reset-password --email E --password P
          ZemgaleNvo.Web users reset-two-factor --email E   turn two-factor off (lost phone); enrol again at next sign-in
          ZemgaleNvo.Web demo-code --email E   print a demo user's current authenticator code (Development only)
          ZemgaleNvo.Web audit verify          check the audit trail's hash chain; exit 1 at the first broken link
        """;

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Commands = new(StringComparer.Ordinal)
    {
        ["migrate"] = ([], []),
        ["seed-demo"] = ([], []),
        ["generate-large-agreement"] = ([], ["years", "results", "spending", "seed"]),
        ["backup"] = (["to"], []),
        ["users add"] = (["email", "role", "password"], ["organisation", "name"]),
        ["users reset-password"] = (["email", "password"], []),
        ["users reset-two-factor"] = (["email"], []),
        ["demo-code"] = (["email"], []),
        ["audit verify"] = ([], []),
    };

    /// <summary>Options whose value must be a whole number.</summary>
    private static readonly string[] NumberOptions = ["years", "results", "spending", "seed"];

    public sealed record Result(AdminCommand? Command, string? Error);

    public static Result Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            return new Result(null, null);
        }

        var name = args[0];
        var rest = 1;
        if (name is "users" or "audit")
        {
            if (args.Count < 2 || args[1].StartsWith('-'))
            {
                return new Result(null, name == "users" ? "users: say what to do: add, reset-password or reset-two-factor." : "audit: say what to do: verify.");
            }
            name = $"{name} {args[1]}";
            rest = 2;
        }
        if (!Commands.TryGetValue(name, out var spec))
        {
            return new Result(null, $"Unknown command \"{name}\".");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = rest; i < args.Count; i++)
        {
            var token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                return new Result(null, $"{name}: unexpected \"{token}\".");
            }
            var key = token[2..];
            if (!spec.Required.Contains(key) && !spec.Optional.Contains(key))
            {
                return new Result(null, $"{name}: unknown option --{key}.");
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return new Result(null, $"{name}: --{key} needs a value.");
            }
            options[key] = args[++i];
        }

        var missing = spec.Required.Where(r => !options.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return new Result(null, $"{name}: missing {string.Join(", ", missing.Select(m => "--" + m))}.");
        }
        foreach (var number in NumberOptions.Where(options.ContainsKey))
        {
            if (!int.TryParse(options[number], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return new Result(null, $"{name}: --{number} must be a whole number.");
            }
        }
        if (options.TryGetValue("role", out var role) && !Roles.IsKnown(role))
        {
            return new Result(null, $"{name}: unknown role \"{role}\"; use {string.Join(", ", Roles.All)}.");
        }
        return new Result(new AdminCommand(name, options), null);
    }
}
