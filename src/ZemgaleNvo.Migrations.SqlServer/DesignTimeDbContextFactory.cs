using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef migrations add` build the context for this provider alone, without starting the
/// web host. The connection string only has to be well-formed: adding a migration never connects.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=ZemgaleNvo;Trusted_Connection=True;TrustServerCertificate=True");
        return new AppDbContext(options.Options, UnrestrictedDataScope.Instance);
    }
}
