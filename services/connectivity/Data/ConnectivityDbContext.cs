using Lmc.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Data;

/// <summary>
/// The connectivity service's database: the building blocks' outbox, inbox and idempotency tables so far. Add a
/// DbSet and an IEntityTypeConfiguration per aggregate, then `dotnet ef migrations add &lt;Name&gt;` (CHECKLIST.md).
/// </summary>
public sealed class ConnectivityDbContext(DbContextOptions<ConnectivityDbContext> options) : LmcDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConnectivityDbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
