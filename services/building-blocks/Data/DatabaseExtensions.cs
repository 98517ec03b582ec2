using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lmc.BuildingBlocks.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (connection string named after the service), with
    /// a readiness check and retries of transient failures.
    /// </summary>
    public static IHostApplicationBuilder AddLmcDatabase<TDbContext>(
        this IHostApplicationBuilder builder, string connectionName, Action<DbContextOptionsBuilder>? configure = null)
        where TDbContext : LmcDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        builder.Services.AddDbContext<TDbContext>(options =>
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));
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
