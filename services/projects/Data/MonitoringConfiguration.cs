using Lmc.BuildingBlocks.Data;
using Lmc.Projects.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Projects.Data;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("progress_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.ProjectId).HasColumnName("project_id");
        builder.Property(r => r.PeriodStart).HasColumnName("period_start");
        builder.Property(r => r.PeriodEnd).HasColumnName("period_end");
        builder.Property(r => r.PercentComplete).HasColumnName("percent_complete");
        builder.Property(r => r.Milestones).HasColumnName("milestones").HasJsonConversion();
        builder.Property(r => r.IndicatorActuals).HasColumnName("indicator_actuals").HasJsonConversion();
        builder.Property(r => r.Narrative).HasColumnName("narrative");
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(200);
        builder.Property(r => r.ReviewedBy).HasColumnName("reviewed_by").HasMaxLength(200);
        builder.Property(r => r.ReviewComment).HasColumnName("review_comment").HasMaxLength(4000);
        builder.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(r => r.ReviewedAt).HasColumnName("reviewed_at");
        builder.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(r => r.ProjectId).HasDatabaseName("ix_progress_reports_project");
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.ProjectId).HasColumnName("project_id");
        builder.Property(a => a.AssessorKind).HasColumnName("assessor_kind").HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Assessor).HasColumnName("assessor").HasMaxLength(300);
        builder.Property(a => a.AssessedOn).HasColumnName("assessed_on");
        builder.Property(a => a.Rating).HasColumnName("rating").HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Findings).HasColumnName("findings");
        builder.Property(a => a.Recommendations).HasColumnName("recommendations");
        builder.Property(a => a.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        builder.Property(a => a.RecordedAt).HasColumnName("recorded_at");
        builder.HasIndex(a => a.ProjectId).HasDatabaseName("ix_assessments_project");
    }
}
