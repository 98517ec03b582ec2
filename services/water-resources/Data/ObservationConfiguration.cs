using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.WaterResources.Data;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        // The key is the datastream and the time: a series reads as one index range, newest first.
        builder.ToTable("observations", t => t.HasCheckConstraint("ck_observations_version", "version >= 1"));
        builder.HasKey(o => new { o.StationCode, o.Property, o.Time });
        builder.Property(o => o.StationCode).HasMaxLength(20);
        builder.Property(o => o.Property).HasMaxLength(40);
        builder.Property(o => o.RecordedBy).HasMaxLength(2);
        builder.Property(o => o.RecordedBySubject).HasMaxLength(200);
    }
}

internal sealed class ObservationRevisionConfiguration : IEntityTypeConfiguration<ObservationRevision>
{
    public void Configure(EntityTypeBuilder<ObservationRevision> builder)
    {
        builder.ToTable("observation_revisions");
        builder.HasKey(o => new { o.StationCode, o.Property, o.Time, o.Version });
        builder.Property(o => o.StationCode).HasMaxLength(20);
        builder.Property(o => o.Property).HasMaxLength(40);
        builder.Property(o => o.RecordedBy).HasMaxLength(2);
        builder.Property(o => o.RecordedBySubject).HasMaxLength(200);
    }
}

internal sealed class ForecastConfiguration : IEntityTypeConfiguration<Forecast>
{
    public void Configure(EntityTypeBuilder<Forecast> builder)
    {
        builder.ToTable("forecasts", t => t.HasCheckConstraint("ck_forecasts_lead", "lead_days BETWEEN 1 AND 5"));
        builder.HasKey(f => new { f.StationCode, f.IssuedAt, f.LeadDays });
        builder.Property(f => f.StationCode).HasMaxLength(20);
        builder.Property(f => f.IssuedBy).HasMaxLength(2);
    }
}
