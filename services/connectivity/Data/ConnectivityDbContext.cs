using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Data;

/// <summary>
/// The connectivity service's database: PostGIS geometry for nodes and links (SRID 4326), pgRouting over the view
/// <c>routing_edges</c> (migration Network), and the building blocks' outbox, inbox and idempotency tables.
/// </summary>
public sealed class ConnectivityDbContext(DbContextOptions<ConnectivityDbContext> options) : LmcDbContext(options)
{
    public DbSet<Node> Nodes => Set<Node>();

    public DbSet<Link> Links => Set<Link>();

    public DbSet<Corridor> Corridors => Set<Corridor>();

    public DbSet<BorderCrossing> BorderCrossings => Set<BorderCrossing>();

    public DbSet<CrossingPerformance> CrossingPerformance => Set<CrossingPerformance>();

    public DbSet<PowerFlow> PowerFlows => Set<PowerFlow>();

    public DbSet<PlanItem> PlanItems => Set<PlanItem>();

    /// <summary>Water-resources' flood warnings and the links each put at risk (Messaging/FloodWarningConsumers).</summary>
    public DbSet<FloodRisk> FloodRisks => Set<FloodRisk>();

    /// <summary>NetTopologySuite's mapping of PostGIS types, at run time and at design time alike.</summary>
    public static void UseGeometry(DbContextOptionsBuilder options) => options.UseNpgsql(npgsql => npgsql.UseNetTopologySuite());

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("pgrouting");
        // Where EF creates the database itself (./lmc up): from the template that has the extensions (local/infra.sh).
        modelBuilder.UseDatabaseTemplate(ServiceManifest.ExtensionsTemplate);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConnectivityDbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
