using Lmc.HealthSurveillance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.HealthSurveillance.Data;

internal sealed class WeeklyReportConfiguration : IEntityTypeConfiguration<WeeklyReport>
{
    public void Configure(EntityTypeBuilder<WeeklyReport> builder)
    {
        builder.ToTable("weekly_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Disease).HasColumnName("disease").HasMaxLength(64);
        builder.Property(r => r.Unit).HasColumnName("unit").HasMaxLength(8);
        builder.Property(r => r.Country).HasColumnName("country").HasMaxLength(2);
        builder.Property(r => r.WeekSystem).HasColumnName("week_system").HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.EpiYear).HasColumnName("epi_year");
        builder.Property(r => r.EpiWeek).HasColumnName("epi_week");
        builder.Property(r => r.WeekStart).HasColumnName("week_start");
        builder.Property(r => r.Cases).HasColumnName("cases");
        builder.Property(r => r.Deaths).HasColumnName("deaths");
        builder.Property(r => r.Version).HasColumnName("version");
        builder.Property(r => r.ReceivedAt).HasColumnName("received_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.ReportedBy).HasColumnName("reported_by").HasMaxLength(200);
        // One value per week: the key the ingest upserts on, and the series' order.
        builder.HasIndex(r => new { r.Disease, r.Unit, r.WeekSystem, r.EpiYear, r.EpiWeek }).IsUnique();
        builder.HasIndex(r => new { r.Disease, r.Country, r.WeekStart });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_weekly_reports_counts", "cases >= 0 AND deaths >= 0 AND deaths <= cases");
            t.HasCheckConstraint("ck_weekly_reports_week", "epi_week BETWEEN 1 AND 53");
        });
    }
}

internal sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> builder)
    {
        builder.ToTable("report_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(r => r.ReportId).HasColumnName("report_id");
        builder.HasOne<WeeklyReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).HasColumnName("version");
        builder.Property(r => r.Cases).HasColumnName("cases");
        builder.Property(r => r.Deaths).HasColumnName("deaths");
        builder.Property(r => r.RecordedAt).HasColumnName("recorded_at");
        builder.Property(r => r.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        builder.HasIndex(r => new { r.ReportId, r.Version }).IsUnique();
    }
}
