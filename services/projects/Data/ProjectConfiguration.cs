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
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LeadCountry).HasMaxLength(2);
        builder.Property(p => p.PriorityArea).HasMaxLength(64);
        builder.Property(p => p.Title).HasMaxLength(Project.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Project.DescriptionMaxLength);
        builder.ComplexProperty(p => p.Budget, budget =>
        {
            budget.Property(m => m.Currency).HasMaxLength(3);
            budget.Property(m => m.Amount).HasPrecision(18, 2);
        });
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        // Optimistic concurrency: UPDATE ... WHERE version = <the version read>.
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.ProposedBy).HasMaxLength(200);
        builder.Property(p => p.EndorsedBy).HasMaxLength(200);
        builder.Property(p => p.CancellationReason).HasMaxLength(1000);

        builder.Property(p => p.IatiIdentifier).HasMaxLength(150);
        builder.Property(p => p.PlanId).HasMaxLength(20);
        builder.Property(p => p.Sectors).HasJsonConversion();
        builder.Property(p => p.Organisations).HasColumnName("participating_organisations").HasJsonConversion();
        builder.Property(p => p.BudgetLines).HasJsonConversion();
        builder.Property(p => p.Results).HasJsonConversion();

        // IATI's first data-quality fault: the same identifier on two activities.
        builder.HasIndex(p => p.IatiIdentifier).IsUnique().HasDatabaseName("ux_projects_iati_identifier");
        builder.HasIndex(p => p.Paragraphs).HasMethod("gin").HasDatabaseName("ix_projects_paragraphs");
        builder.HasIndex(p => p.LeadCountry).HasDatabaseName("ix_projects_lead_country");
        builder.HasIndex(p => p.PartnerCountries).HasMethod("gin").HasDatabaseName("ix_projects_partner_countries");
        builder.HasIndex(p => new { p.PriorityArea, p.Status }).HasDatabaseName("ix_projects_area_status");
    }
}
