using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lmc.BuildingBlocks.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (connection string named after the service), with
    /// a readiness check. Contexts are pooled, so a service's DbContext keeps no state of its
    /// own beyond what EF resets.
    /// </summary>
    public static IHostApplicationBuilder AddLmcDatabase<TDbContext>(
        this IHostApplicationBuilder builder, string connectionName, Action<DbContextOptionsBuilder>? configure = null)
        where TDbContext : LmcDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        // Pooled: a context per request or message is then a reset, not a fresh object graph of
        // EF's scoped services and options (measured in bench/README.md, events).
        builder.Services.AddDbContextPool<TDbContext>(options =>
        {
            options.UseLmcNpgsql(connectionString);
            configure?.Invoke(options);
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>("database", tags: [Health.HealthExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>Applies committed migrations; used at start when configured and by <c>--migrate-only</c>.</summary>
    public static async Task MigrateAsync<TDbContext>(this IServiceProvider services, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
