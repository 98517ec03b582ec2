using Lmc.BuildingBlocks.Data;
using Lmc.WaterResources.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.WaterResources.Data;

/// <summary>
/// The water-resources service's database: level versions, observations and their revisions, forecasts, each
/// station's state, and warnings with their deliveries, beside the building blocks' outbox, inbox and idempotency
/// tables. Stations are the shipped catalogue, not rows: tables key them by code.
/// </summary>
public sealed class WaterResourcesDbContext(DbContextOptions<WaterResourcesDbContext> options) : LmcDbContext(options)
{
    public DbSet<LevelSet> LevelSets => Set<LevelSet>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<ObservationRevision> ObservationRevisions => Set<ObservationRevision>();

    public DbSet<Forecast> Forecasts => Set<Forecast>();

    public DbSet<StationState> StationStates => Set<StationState>();

    public DbSet<Warning> Warnings => Set<Warning>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WaterResourcesDbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
