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
        builder.Property(c => c.Year).HasColumnName("year").ValueGeneratedNever();
        builder.Property(c => c.OpensAt).HasColumnName("opens_at");
        builder.Property(c => c.ClosesAt).HasColumnName("closes_at");
        builder.Property(c => c.Envelopes).HasColumnName("envelopes").HasJsonConversion();
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
    }
}

internal sealed class FundApplicationConfiguration : IEntityTypeConfiguration<FundApplication>
{
    public void Configure(EntityTypeBuilder<FundApplication> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.CallYear).HasColumnName("call_year");
        builder.HasOne<FundingCall>().WithMany().HasForeignKey(a => a.CallYear).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.ProjectId).HasColumnName("project_id");
        // One application per project and call.
        builder.HasIndex(a => new { a.CallYear, a.ProjectId }).IsUnique().HasDatabaseName(FundApplication.OnePerCallIndex);
        builder.Property(a => a.Country).HasColumnName("country").HasMaxLength(2);
        builder.Property(a => a.PriorityArea).HasColumnName("priority_area").HasMaxLength(64);
        builder.Property(a => a.ProjectTitle).HasColumnName("project_title").HasMaxLength(300);
        builder.Property(a => a.RequestedUsd).HasColumnName("requested_usd").HasPrecision(18, 2);
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Appraisal!).HasColumnName("appraisal").HasJsonConversion();
        builder.Property(a => a.GrantId).HasColumnName("grant_id");
        builder.Property(a => a.DecisionNote).HasColumnName("decision_note").HasMaxLength(FundApplication.NoteMaxLength);
        builder.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(a => a.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(200);
        builder.Property(a => a.Version).HasColumnName("version").IsConcurrencyToken();
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(g => g.ApplicationId).HasColumnName("application_id");
        builder.HasIndex(g => g.ApplicationId).IsUnique();
        builder.Property(g => g.ProjectId).HasColumnName("project_id");
        builder.HasIndex(g => g.ProjectId);
        builder.Property(g => g.Country).HasColumnName("country").HasMaxLength(2);
        builder.Property(g => g.PriorityArea).HasColumnName("priority_area").HasMaxLength(64);
        builder.Property(g => g.CallYear).HasColumnName("call_year");
        builder.Property(g => g.CommittedUsd).HasColumnName("committed_usd").HasPrecision(18, 2);
        builder.Property(g => g.DisbursedUsd).HasColumnName("disbursed_usd").HasPrecision(18, 2);
        builder.Property(g => g.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Tranches).HasColumnName("tranches").HasJsonConversion();
        builder.Property(g => g.Amendments).HasColumnName("amendments").HasJsonConversion();
        builder.Property(g => g.FinalReport).HasColumnName("final_report").HasMaxLength(Grant.FinalReportMaxLength);
        builder.Property(g => g.CreatedAt).HasColumnName("created_at");
        builder.Property(g => g.CommittedOn).HasColumnName("committed_on");
        builder.Property(g => g.Version).HasColumnName("version").IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("ck_grants_disbursed_within_commitment", "disbursed_usd <= committed_usd"));
    }
}
