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
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => new { t.ProjectId, t.ValueDate });
        builder.Property(t => t.Type).HasMaxLength(2);
        builder.Property(t => t.AmountUsd).HasPrecision(18, 2);
        builder.Property(t => t.Description).HasMaxLength(300);
    }
}

internal sealed class ReportDecisionConfiguration : IEntityTypeConfiguration<ReportDecision>
{
    public void Configure(EntityTypeBuilder<ReportDecision> builder)
    {
        builder.ToTable("report_decisions");
        builder.HasKey(d => d.Year);
        builder.Property(d => d.Year).ValueGeneratedNever();
        builder.Property(d => d.SubmittedBy).HasMaxLength(200);
        builder.Property(d => d.CommendedBy).HasMaxLength(200);
    }
}
