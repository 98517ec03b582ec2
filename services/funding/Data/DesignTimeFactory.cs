using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lmc.Funding.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FundingDbContext>
{
    public FundingDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<FundingDbContext>()
        .UseNpgsql("Host=localhost;Database=funding_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .Options);
}
