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
        builder.Property(l => l.Year).ValueGeneratedNever();
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Entries).HasJsonConversion();
        builder.Property(l => l.RecommendedBy).HasMaxLength(200);
        builder.Property(l => l.AdoptedBy).HasMaxLength(200);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
