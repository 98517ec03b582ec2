using Microsoft.EntityFrameworkCore;

namespace Lmc.BuildingBlocks.Data;

/// <summary>
/// How every service talks to its PostgreSQL database, at run time, in tests and at design time alike:
/// snake_case names for tables, columns, keys and indexes from the model's names (so configurations name
/// a column only where it differs from its property), and the migrations history in a snake_case table.
/// </summary>
public static class LmcNpgsql
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder UseLmcNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<TDbContext> UseLmcNpgsql<TDbContext>(
        this DbContextOptionsBuilder<TDbContext> options, string connectionString) where TDbContext : DbContext
    {
        ((DbContextOptionsBuilder)options).UseLmcNpgsql(connectionString);
        return options;
    }
}
