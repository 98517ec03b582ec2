using Lmc.BuildingBlocks.Data;
using Lmc.HealthSurveillance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.HealthSurveillance.Data;

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.ToTable("signals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Disease).HasMaxLength(64);
        builder.Property(s => s.Unit).HasMaxLength(8);
        builder.Property(s => s.Country).HasMaxLength(2);
        builder.Property(s => s.WeekSystem).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.Method).HasMaxLength(32);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Property(s => s.Parameters).HasColumnType("jsonb");
        builder.HasOne<Alert>().WithMany().HasForeignKey(s => s.AlertId).OnDelete(DeleteBehavior.Restrict);
        // A week is signalled once per method, however often it is re-ingested.
        builder.HasIndex(s => new { s.Disease, s.Unit, s.WeekSystem, s.EpiYear, s.EpiWeek, s.Method }).IsUnique();
        builder.Ignore(s => s.WeekLabel);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Disease).HasMaxLength(64);
        builder.Property(a => a.Unit).HasMaxLength(8);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RiskLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.FirstWeek).HasMaxLength(16);
        builder.Property(a => a.LastWeek).HasMaxLength(16);
        builder.Property(a => a.VerifiedBy).HasMaxLength(200);
        builder.Property(a => a.Ihr!).HasJsonConversion();
        builder.Property(a => a.Response).HasMaxLength(Alert.ActionsMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Disease, a.Unit, a.Status });
        builder.HasIndex(a => new { a.Country, a.OpenedAt });
        // One open alert per disease and unit: two ingests cannot each open one.
        builder.HasIndex(a => new { a.Disease, a.Unit }).IsUnique()
            .HasFilter("status NOT IN ('Closed', 'Discarded')").HasDatabaseName("ux_alerts_open_per_unit");
    }
}

internal sealed class CrossBorderNoticeConfiguration : IEntityTypeConfiguration<CrossBorderNotice>
{
    public void Configure(EntityTypeBuilder<CrossBorderNotice> builder)
    {
        builder.ToTable("cross_border_notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Alert>().WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.FromCountry).HasMaxLength(2);
        builder.Property(n => n.ToCountry).HasMaxLength(2);
        builder.Property(n => n.Unit).HasMaxLength(8);
        builder.Property(n => n.UnitName).HasMaxLength(200);
        builder.Property(n => n.Disease).HasMaxLength(64);
        builder.Property(n => n.Week).HasMaxLength(16);
        builder.Property(n => n.Summary).HasMaxLength(2000);
        builder.Property(n => n.AcknowledgedBy).HasMaxLength(200);
        builder.HasIndex(n => new { n.ToCountry, n.SentAt });
        // One notice per alert and receiving country.
        builder.HasIndex(n => new { n.AlertId, n.ToCountry }).IsUnique();
    }
}
