using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.WaterResources.Data;

internal sealed class LevelSetConfiguration : IEntityTypeConfiguration<LevelSet>
{
    public void Configure(EntityTypeBuilder<LevelSet> builder)
    {
        builder.ToTable("level_sets", t => t.HasCheckConstraint("ck_level_sets_version", "version >= 1"));
        builder.HasKey(l => l.Id);
        // A station's versions are numbered once: two countries' focal points setting at once cannot both be version 3.
        builder.HasIndex(l => new { l.StationCode, l.Version }).IsUnique();
        builder.Property(l => l.StationCode).HasMaxLength(20);
        builder.Property(l => l.Source).HasMaxLength(500);
        builder.Property(l => l.SetBy).HasMaxLength(2);
    }
}

internal sealed class StationStateConfiguration : IEntityTypeConfiguration<StationState>
{
    public void Configure(EntityTypeBuilder<StationState> builder)
    {
        builder.ToTable("station_states");
        builder.HasKey(s => s.StationCode);
        builder.Property(s => s.StationCode).HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
