using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lmc.HealthSurveillance.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SurveillanceDbContext>
{
    public SurveillanceDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SurveillanceDbContext>()
        .UseNpgsql("Host=localhost;Database=surveillance_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .Options);
}
