using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class SignInTicketConfiguration : IEntityTypeConfiguration<SignInTicket>
{
    public void Configure(EntityTypeBuilder<SignInTicket> builder)
    {
        MapColumns(builder);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>The table, its columns and indexes: the portal's context and <see cref="SignInTicketsContext"/> map them alike.</summary>
    public static void MapColumns(EntityTypeBuilder<SignInTicket> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SignInTickets");
        builder.Property(t => t.KeyHash).IsRequired().HasMaxLength(64);
        builder.Property(t => t.UserId).IsRequired().HasMaxLength(450);
        builder.Property(t => t.Ticket).IsRequired();
        builder.Property(t => t.UserAgent).HasMaxLength(SignInTicketStore.UserAgentLength);
        builder.HasIndex(t => t.KeyHash).IsUnique();
        // The session list and "end all of a user's sessions".
        builder.HasIndex(t => t.UserId);
        // The clean-up of expired tickets.
        builder.HasIndex(t => t.ExpiresAtUtc);
    }
}
