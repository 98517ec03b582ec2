using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lmc.Meetings.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MeetingsDbContext>
{
    public MeetingsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MeetingsDbContext>()
        .UseNpgsql("Host=localhost;Database=meetings_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .Options);
}
