using Lmc.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Lmc.__Pascal__.Data;

/// <summary>
/// The __name__ service's database: the building blocks' outbox, inbox and idempotency tables so far. Add a
/// DbSet and an IEntityTypeConfiguration per aggregate, then `dotnet ef migrations add &lt;Name&gt;` (CHECKLIST.md).
/// </summary>
public sealed class __Pascal__DbContext(DbContextOptions<__Pascal__DbContext> options) : LmcDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(__Pascal__DbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
