using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Connectivity.Data;

internal sealed class FloodRiskConfiguration : IEntityTypeConfiguration<FloodRisk>
{
    public void Configure(EntityTypeBuilder<FloodRisk> builder)
    {
        builder.ToTable("flood_risks");
        builder.HasKey(r => r.WarningId);
        builder.Property(r => r.WarningId).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.Property(r => r.StationCode).HasMaxLength(40);
        builder.Property(r => r.Headline).HasMaxLength(500);
        // uuid[]: the links a warning marked, read with the few active warnings at a time.
        builder.Property(r => r.LinkIds).HasColumnType("uuid[]");
        builder.HasIndex(r => r.LiftedAt);
    }
}
