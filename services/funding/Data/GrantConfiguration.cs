using Lmc.BuildingBlocks.Data;
using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Funding.Data;

internal sealed class FundingCallConfiguration : IEntityTypeConfiguration<FundingCall>
{
    public void Configure(EntityTypeBuilder<FundingCall> builder)
    {
        builder.ToTable("calls");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.Envelopes).HasJsonConversion();
    }
}

internal sealed class FundApplicationConfiguration : IEntityTypeConfiguration<FundApplication>
{
    public void Configure(EntityTypeBuilder<FundApplication> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<FundingCall>().WithMany().HasForeignKey(a => a.CallYear).OnDelete(DeleteBehavior.Restrict);
        // One application per project and call.
        builder.HasIndex(a => new { a.CallYear, a.ProjectId }).IsUnique().HasDatabaseName(FundApplication.OnePerCallIndex);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.PriorityArea).HasMaxLength(64);
        builder.Property(a => a.ProjectTitle).HasMaxLength(300);
        builder.Property(a => a.RequestedUsd).HasPrecision(18, 2);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Appraisal!).HasJsonConversion();
        builder.Property(a => a.DecisionNote).HasMaxLength(FundApplication.NoteMaxLength);
        builder.Property(a => a.SubmittedBy).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasIndex(g => g.ApplicationId).IsUnique();
        builder.HasIndex(g => g.ProjectId);
        builder.Property(g => g.Country).HasMaxLength(2);
        builder.Property(g => g.PriorityArea).HasMaxLength(64);
        builder.Property(g => g.CommittedUsd).HasPrecision(18, 2);
        builder.Property(g => g.DisbursedUsd).HasPrecision(18, 2);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Tranches).HasJsonConversion();
        builder.Property(g => g.Amendments).HasJsonConversion();
        builder.Property(g => g.FinalReport).HasMaxLength(Grant.FinalReportMaxLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("ck_grants_disbursed_within_commitment", "disbursed_usd <= committed_usd"));
    }
}
