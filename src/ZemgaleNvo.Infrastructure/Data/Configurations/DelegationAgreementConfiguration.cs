using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Periods;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class DelegationAgreementConfiguration : IEntityTypeConfiguration<DelegationAgreement>
{
    public void Configure(EntityTypeBuilder<DelegationAgreement> builder)
    {
        builder.ToTable("Agreements");
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(a => a.SummaryStatus).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(a => a.Number).HasMaxLength(Limits.Code);
        builder.Property(a => a.DelegatingAuthority).HasMaxLength(Limits.Name);
        builder.Property(a => a.Title).IsRequired().HasMaxLength(Limits.Title);
        builder.Property(a => a.TaskText).IsRequired().HasMaxLength(Limits.LongText);
        builder.Property(a => a.OtherInformation).HasMaxLength(Limits.LongText);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // The database default fills agreements that existed before the schedule did; the sentinel
        // (a value never stored) makes EF always write the value it has, so an explicit 0 stays 0.
        builder.Property(a => a.YearReportDueDays).HasDefaultValue(ReportingSchedule.DefaultYearReportDays).HasSentinel(-1);
        builder.Property(a => a.SummaryDueDays).HasDefaultValue(ReportingSchedule.DefaultSummaryDays).HasSentinel(-1);
        builder.Ignore(a => a.Period);

        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Performer).WithMany().HasForeignKey(a => a.PerformerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Years).WithOne(y => y.Agreement).HasForeignKey(y => y.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.BudgetLines).WithOne(l => l.Agreement).HasForeignKey(l => l.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PerformerId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Agreements_EndNotBeforeStart", "PeriodEnd >= PeriodStart"));
        builder.ToTable(t => t.HasCheckConstraint("CK_Agreements_DueDaysInRange", $"YearReportDueDays BETWEEN 0 AND {ReportingSchedule.MaxDays} AND SummaryDueDays BETWEEN 0 AND {ReportingSchedule.MaxDays}"));
    }
}
