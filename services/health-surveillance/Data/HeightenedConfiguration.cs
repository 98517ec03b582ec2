using Lmc.HealthSurveillance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.HealthSurveillance.Data;

internal sealed class HeightenedConfiguration : IEntityTypeConfiguration<HeightenedSurveillance>
{
    public void Configure(EntityTypeBuilder<HeightenedSurveillance> builder)
    {
        builder.ToTable("heightened_surveillance");
        builder.HasKey(h => h.Id);
        // A warning marks a unit once, however often its event is delivered.
        builder.HasIndex(h => new { h.WarningId, h.Unit }).IsUnique();
        builder.HasIndex(h => new { h.Unit, h.From });
        builder.Property(h => h.Unit).HasMaxLength(10);
        builder.Property(h => h.Country).HasMaxLength(2);
        builder.Property(h => h.Hazard).HasMaxLength(20);
        builder.Property(h => h.StationCode).HasMaxLength(20);
        builder.Property(h => h.Headline).HasMaxLength(300);
        builder.Property(h => h.Version).IsConcurrencyToken();
    }
}
