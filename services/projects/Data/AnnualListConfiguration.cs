using Lmc.BuildingBlocks.Data;
using Lmc.Projects.Domain.AnnualLists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Projects.Data;

internal sealed class AnnualListConfiguration : IEntityTypeConfiguration<AnnualList>
{
    public void Configure(EntityTypeBuilder<AnnualList> builder)
    {
        builder.ToTable("annual_lists");
        builder.HasKey(l => l.Year);
        builder.Property(l => l.Year).HasColumnName("year").ValueGeneratedNever();
        builder.Property(l => l.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.NominationDeadline).HasColumnName("nomination_deadline");
        builder.Property(l => l.Entries).HasColumnName("entries").HasJsonConversion();
        builder.Property(l => l.RecommendedBy).HasColumnName("recommended_by").HasMaxLength(200);
        builder.Property(l => l.AdoptedBy).HasColumnName("adopted_by").HasMaxLength(200);
        builder.Property(l => l.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(l => l.UpdatedAt).HasColumnName("updated_at");
    }
}
