using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data.Configurations;

namespace ZemgaleNvo.Infrastructure.Identity;

/// <summary>
/// The sign-in tickets table alone, for <see cref="SignInTicketStore"/>, which reads it on every
/// signed-in request. A context of its own, pooled: building the whole portal's context (thirty
/// sets, its services, loggers and options checks) only to read one row was a third of a warm
/// page's allocations (issue 18). The table, its columns and migrations stay with
/// <see cref="Data.AppDbContext"/>; the columns are mapped by the one configuration both share.
/// </summary>
/// <remarks>
/// Nothing here is audited or versioned, as in the portal's context: tickets are not domain records
/// (<see cref="Data.AuditCapture"/> records only those). The foreign key to the user is left out
/// of this model; the database still holds it.
/// </remarks>
public sealed class SignInTicketsContext(DbContextOptions<SignInTicketsContext> options) : DbContext(options)
{
    public DbSet<SignInTicket> Tickets => Set<SignInTicket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        SignInTicketConfiguration.MapColumns(modelBuilder.Entity<SignInTicket>());
    }
}
