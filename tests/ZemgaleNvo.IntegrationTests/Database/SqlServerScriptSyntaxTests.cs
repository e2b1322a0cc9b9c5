using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.IntegrationTests.Database;

/// <summary>
/// No SQL Server runs here, so the SQL Server migrations are checked as text: the scripts an operator
/// runs (docs/operations.md gives the idempotent one) are parsed as T-SQL by Microsoft's own parser.
/// A syntax error, or a statement SQL Server refuses where it stands (a CREATE TRIGGER that is not
/// the first statement of its batch), fails here instead of on a ministry's server.
/// </summary>
public class SqlServerScriptSyntaxTests
{
    private static string Script(MigrationsSqlGenerationOptions options)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.SqlServer, "Server=unused;Database=ZemgaleNvo;Integrated Security=true;TrustServerCertificate=true");
        using var db = new AppDbContext(builder.Options, UnrestrictedDataScope.Instance);
        return db.GetService<IMigrator>().GenerateScript(options: options);
    }

    /// <summary>Parses the script as SQL Server 2019 reads it (the oldest version operations.md supports).</summary>
    private static IReadOnlyList<ParseError> ParseErrors(string script)
    {
        var parser = new TSql150Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        return [.. errors];
    }

    private static string Describe(IEnumerable<ParseError> errors, string script)
    {
        var lines = script.Split('\n');
        return string.Join(Environment.NewLine, errors.Select(e =>
            $"line {e.Line}, column {e.Column}: {e.Message}{Environment.NewLine}    {(e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1].Trim() : "")}"));
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void The_SQL_Server_migration_script_is_valid_T_SQL(MigrationsSqlGenerationOptions options)
    {
        var script = Script(options);

        var errors = ParseErrors(script);

        Assert.True(errors.Count == 0, $"The {options} SQL Server script does not parse as T-SQL:{Environment.NewLine}{Describe(errors, script)}");
    }

    [Fact]
    public void The_audit_trail_triggers_are_in_the_parsed_script()
    {
        var script = Script(MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql150Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out _);
        var triggers = new TriggerNames();
        fragment.Accept(triggers);

        // Inside EXEC('…') the trigger is a string to the outer parser; the names are then read from
        // the executed text, parsed on its own.
        foreach (var executed in triggers.ExecutedTexts)
        {
            using var inner = new StringReader(executed);
            var innerFragment = new TSql150Parser(initialQuotedIdentifiers: true).Parse(inner, out var innerErrors);
            Assert.True(innerErrors.Count == 0, $"EXEC text does not parse: {Describe(innerErrors, executed)}");
            innerFragment.Accept(triggers);
        }
        Assert.Contains("AuditTrail_NoUpdate", triggers.Created);
        Assert.Contains("AuditTrail_NoDelete", triggers.Created);
    }

    [Fact]
    public void A_broken_statement_is_reported_by_the_check()
    {
        // The check itself must be able to fail: a trigger after another statement in one batch.
        var errors = ParseErrors("CREATE TABLE [T] ([Id] int NOT NULL);\nCREATE TRIGGER T_NoDelete ON T INSTEAD OF DELETE AS THROW 51000, 'no', 1;");

        Assert.NotEmpty(errors);
    }

    private sealed class TriggerNames : TSqlFragmentVisitor
    {
        public List<string> Created { get; } = [];
        public List<string> ExecutedTexts { get; } = [];

        public override void Visit(CreateTriggerStatement node) => Created.Add(node.Name.BaseIdentifier.Value);

        public override void Visit(ExecutableStringList node)
        {
            var text = string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value));
            if (text.Contains("CREATE TRIGGER", StringComparison.OrdinalIgnoreCase))
            {
                ExecutedTexts.Add(text);
            }
        }
    }
}
