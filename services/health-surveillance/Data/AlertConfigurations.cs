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
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.Disease).HasColumnName("disease").HasMaxLength(64);
        builder.Property(s => s.Unit).HasColumnName("unit").HasMaxLength(8);
        builder.Property(s => s.Country).HasColumnName("country").HasMaxLength(2);
        builder.Property(s => s.WeekSystem).HasColumnName("week_system").HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.EpiYear).HasColumnName("epi_year");
        builder.Property(s => s.EpiWeek).HasColumnName("epi_week");
        builder.Property(s => s.WeekStart).HasColumnName("week_start");
        builder.Property(s => s.Method).HasColumnName("method").HasMaxLength(32);
        builder.Property(s => s.Observed).HasColumnName("observed");
        builder.Property(s => s.Statistic).HasColumnName("statistic");
        builder.Property(s => s.Threshold).HasColumnName("threshold");
        builder.Property(s => s.Note).HasColumnName("note").HasMaxLength(1000);
        builder.Property(s => s.Parameters).HasColumnName("parameters").HasColumnType("jsonb");
        builder.Property(s => s.DetectedAt).HasColumnName("detected_at");
        builder.Property(s => s.AlertId).HasColumnName("alert_id");
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
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.Disease).HasColumnName("disease").HasMaxLength(64);
        builder.Property(a => a.Unit).HasColumnName("unit").HasMaxLength(8);
        builder.Property(a => a.Country).HasColumnName("country").HasMaxLength(2);
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RiskLevel).HasColumnName("risk_level").HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.OpenedAt).HasColumnName("opened_at");
        builder.Property(a => a.FirstWeek).HasColumnName("first_week").HasMaxLength(16);
        builder.Property(a => a.LastWeek).HasColumnName("last_week").HasMaxLength(16);
        builder.Property(a => a.VerifiedAt).HasColumnName("verified_at");
        builder.Property(a => a.VerifiedBy).HasColumnName("verified_by").HasMaxLength(200);
        builder.Property(a => a.Ihr!).HasColumnName("ihr").HasJsonConversion();
        builder.Property(a => a.AssessedAt).HasColumnName("assessed_at");
        builder.Property(a => a.Response).HasColumnName("response").HasMaxLength(Alert.ActionsMaxLength);
        builder.Property(a => a.ClosedAt).HasColumnName("closed_at");
        builder.Property(a => a.Log).HasColumnName("log");
        builder.Property(a => a.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(a => new { a.Disease, a.Unit, a.Status });
        builder.HasIndex(a => new { a.Country, a.OpenedAt });
        builder.Property(a => a.WhoNotificationDue).HasColumnName("who_notification_due");
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
        builder.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(n => n.AlertId).HasColumnName("alert_id");
        builder.HasOne<Alert>().WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.FromCountry).HasColumnName("from_country").HasMaxLength(2);
        builder.Property(n => n.ToCountry).HasColumnName("to_country").HasMaxLength(2);
        builder.Property(n => n.Unit).HasColumnName("unit").HasMaxLength(8);
        builder.Property(n => n.UnitName).HasColumnName("unit_name").HasMaxLength(200);
        builder.Property(n => n.FacingUnits).HasColumnName("facing_units");
        builder.Property(n => n.Disease).HasColumnName("disease").HasMaxLength(64);
        builder.Property(n => n.Week).HasColumnName("week").HasMaxLength(16);
        builder.Property(n => n.Summary).HasColumnName("summary").HasMaxLength(2000);
        builder.Property(n => n.SentAt).HasColumnName("sent_at");
        builder.Property(n => n.AcknowledgedAt).HasColumnName("acknowledged_at");
        builder.Property(n => n.AcknowledgedBy).HasColumnName("acknowledged_by").HasMaxLength(200);
        builder.HasIndex(n => new { n.ToCountry, n.SentAt });
        // One notice per alert and receiving country.
        builder.HasIndex(n => new { n.AlertId, n.ToCountry }).IsUnique();
    }
}
