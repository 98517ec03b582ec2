using Lmc.Projects.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Projects.Data;

internal sealed class FundingTransactionConfiguration : IEntityTypeConfiguration<FundingTransaction>
{
    public void Configure(EntityTypeBuilder<FundingTransaction> builder)
    {
        builder.ToTable("funding_transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(t => t.ProjectId).HasColumnName("project_id");
        builder.HasIndex(t => new { t.ProjectId, t.ValueDate });
        builder.Property(t => t.GrantId).HasColumnName("grant_id");
        builder.Property(t => t.Type).HasColumnName("type").HasMaxLength(2);
        builder.Property(t => t.AmountUsd).HasColumnName("amount_usd").HasPrecision(18, 2);
        builder.Property(t => t.ValueDate).HasColumnName("value_date");
        builder.Property(t => t.Description).HasColumnName("description").HasMaxLength(300);
        builder.Property(t => t.ReceivedAt).HasColumnName("received_at");
    }
}

internal sealed class ReportDecisionConfiguration : IEntityTypeConfiguration<ReportDecision>
{
    public void Configure(EntityTypeBuilder<ReportDecision> builder)
    {
        builder.ToTable("report_decisions");
        builder.HasKey(d => d.Year);
        builder.Property(d => d.Year).HasColumnName("year").ValueGeneratedNever();
        builder.Property(d => d.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(200);
        builder.Property(d => d.CommendedBy).HasColumnName("commended_by").HasMaxLength(200);
        builder.Property(d => d.UpdatedAt).HasColumnName("updated_at");
    }
}
