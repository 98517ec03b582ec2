using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Connectivity.Data;

internal sealed class NodeConfiguration : IEntityTypeConfiguration<Node>
{
    public void Configure(EntityTypeBuilder<Node> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Number).UseIdentityAlwaysColumn();
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasIndex(n => n.Code).IsUnique();
        builder.Property(n => n.Code).HasMaxLength(40);
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.Country).HasMaxLength(2);
        builder.Property(n => n.Location).HasColumnType("geometry(Point, 4326)");
        builder.HasIndex(n => n.Location).HasMethod("gist");
    }
}

internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public void Configure(EntityTypeBuilder<Link> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Number).UseIdentityAlwaysColumn();
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasIndex(l => l.Code).IsUnique();
        builder.Property(l => l.Code).HasMaxLength(40);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Path).HasColumnType("geometry(LineString, 4326)");
        builder.HasIndex(l => l.Path).HasMethod("gist");
        builder.HasOne<Node>().WithMany().HasForeignKey(l => l.FromNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Node>().WithMany().HasForeignKey(l => l.ToNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.RouteNumber).HasMaxLength(100);
        builder.Property(l => l.NavigableClass).HasMaxLength(100);
        builder.Property(l => l.StatusReason).HasMaxLength(1000);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.IsOpen);
        builder.Ignore(l => l.TravelHours);
        builder.Ignore(l => l.CostUsdPerTonne);
    }
}

internal sealed class CorridorConfiguration : IEntityTypeConfiguration<Corridor>
{
    public void Configure(EntityTypeBuilder<Corridor> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Ignore(c => c.Origin);
        builder.Ignore(c => c.Destination);
    }
}

internal sealed class BorderCrossingConfiguration : IEntityTypeConfiguration<BorderCrossing>
{
    public void Configure(EntityTypeBuilder<BorderCrossing> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Code).IsUnique();
        // One crossing per link: the dwell is the link's, per direction.
        builder.HasIndex(c => c.LinkId).IsUnique();
        builder.HasOne<Link>().WithMany().HasForeignKey(c => c.LinkId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.CountryA).HasMaxLength(2);
        builder.Property(c => c.CountryB).HasMaxLength(2);
        builder.Property(c => c.OpeningHoursA).HasMaxLength(20);
        builder.Property(c => c.OpeningHoursB).HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class CrossingPerformanceConfiguration : IEntityTypeConfiguration<CrossingPerformance>
{
    public void Configure(EntityTypeBuilder<CrossingPerformance> builder)
    {
        builder.ToTable("crossing_performance");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.CrossingId, p.Country, p.Period }).IsUnique();
        builder.HasOne<BorderCrossing>().WithMany().HasForeignKey(p => p.CrossingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.Property(p => p.Period).HasMaxLength(7);
        builder.ComplexProperty(p => p.Import);
        builder.ComplexProperty(p => p.Export);
        builder.ComplexProperty(p => p.Transit);
    }
}
