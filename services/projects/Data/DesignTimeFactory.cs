using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lmc.Projects.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ProjectsDbContext>
{
    public ProjectsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ProjectsDbContext>()
        .UseNpgsql("Host=localhost;Database=projects_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .Options);
}
