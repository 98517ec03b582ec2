using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lmc.BuildingBlocks.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without starting the service. EF finds
/// design-time factories only as concrete types in the service's assembly, so each service declares
/// one line: <c>internal sealed class DesignTimeFactory : LmcDesignTimeFactory&lt;ProjectsDbContext&gt;;</c>.
/// The connection string is never opened: adding a migration only compares models.
/// </summary>
public abstract class LmcDesignTimeFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>();
        options.UseLmcNpgsql($"Host=localhost;Database={typeof(TDbContext).Name.ToLowerInvariant()}_design");
        Configure(options);
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options.Options)!;
    }

    /// <summary>What the service adds to its options at run time too (identity: OpenIddict's entities).</summary>
    protected virtual void Configure(DbContextOptionsBuilder<TDbContext> options)
    {
    }
}
