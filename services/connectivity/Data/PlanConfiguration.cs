using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Connectivity.Data;

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> builder)
    {
        builder.ToTable("plan_items");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        // Targets are read and written with their item, never queried alone: one jsonb column.
        builder.OwnsMany(p => p.Targets, t => t.ToJson());
        builder.Ignore(p => p.Progress);
    }
}
