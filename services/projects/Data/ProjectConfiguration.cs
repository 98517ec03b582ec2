using Lmc.BuildingBlocks.Data;
using Lmc.Projects.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Projects.Data;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.LeadCountry).HasColumnName("lead_country").HasMaxLength(2);
        builder.Property(p => p.PartnerCountries).HasColumnName("partner_countries");
        builder.Property(p => p.PriorityArea).HasColumnName("priority_area").HasMaxLength(64);
        builder.Property(p => p.Title).HasColumnName("title").HasMaxLength(Project.TitleMaxLength);
        builder.Property(p => p.Description).HasColumnName("description").HasMaxLength(Project.DescriptionMaxLength);
        builder.ComplexProperty(p => p.Budget, budget =>
        {
            budget.Property(m => m.Currency).HasColumnName("budget_currency").HasMaxLength(3);
            budget.Property(m => m.Amount).HasColumnName("budget_amount").HasPrecision(18, 2);
        });
        builder.Property(p => p.PlannedStart).HasColumnName("planned_start");
        builder.Property(p => p.PlannedEnd).HasColumnName("planned_end");
        builder.Property(p => p.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        // Optimistic concurrency: UPDATE ... WHERE version = <the version read>.
        builder.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(p => p.ProposedBy).HasColumnName("proposed_by").HasMaxLength(200);
        builder.Property(p => p.EndorsedBy).HasColumnName("endorsed_by").HasMaxLength(200);
        builder.Property(p => p.CancellationReason).HasColumnName("cancellation_reason").HasMaxLength(1000);
        builder.Property(p => p.CreatedAt).HasColumnName("created_at");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");

        builder.Property(p => p.IatiIdentifier).HasColumnName("iati_identifier").HasMaxLength(150);
        builder.Property(p => p.PlanId).HasColumnName("plan_id").HasMaxLength(20);
        builder.Property(p => p.Paragraphs).HasColumnName("paragraphs");
        builder.Property(p => p.Sectors).HasColumnName("sectors").HasJsonConversion();
        builder.Property(p => p.Organisations).HasColumnName("participating_organisations").HasJsonConversion();
        builder.Property(p => p.BudgetLines).HasColumnName("budget_lines").HasJsonConversion();
        builder.Property(p => p.Results).HasColumnName("results").HasJsonConversion();
        builder.Property(p => p.ActualStart).HasColumnName("actual_start");
        builder.Property(p => p.ActualEnd).HasColumnName("actual_end");
        builder.Property(p => p.AdoptedForYear).HasColumnName("adopted_for_year");

        // IATI's first data-quality fault: the same identifier on two activities.
        builder.HasIndex(p => p.IatiIdentifier).IsUnique().HasDatabaseName("ux_projects_iati_identifier");
        builder.HasIndex(p => p.Paragraphs).HasMethod("gin").HasDatabaseName("ix_projects_paragraphs");
        builder.HasIndex(p => p.LeadCountry).HasDatabaseName("ix_projects_lead_country");
        builder.HasIndex(p => p.PartnerCountries).HasMethod("gin").HasDatabaseName("ix_projects_partner_countries");
        builder.HasIndex(p => new { p.PriorityArea, p.Status }).HasDatabaseName("ix_projects_area_status");
    }
}
