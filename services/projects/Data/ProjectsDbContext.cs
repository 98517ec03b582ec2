using Lmc.BuildingBlocks.Data;
using Lmc.Projects.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : LmcDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        base.OnModelCreating(modelBuilder);
    }
}
