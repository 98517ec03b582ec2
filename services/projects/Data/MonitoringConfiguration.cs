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
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Milestones).HasJsonConversion();
        builder.Property(r => r.IndicatorActuals).HasJsonConversion();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SubmittedBy).HasMaxLength(200);
        builder.Property(r => r.ReviewedBy).HasMaxLength(200);
        builder.Property(r => r.ReviewComment).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.ProjectId).HasDatabaseName("ix_progress_reports_project");
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.AssessorKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Assessor).HasMaxLength(300);
        builder.Property(a => a.Rating).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.HasIndex(a => a.ProjectId).HasDatabaseName("ix_assessments_project");
    }
}
