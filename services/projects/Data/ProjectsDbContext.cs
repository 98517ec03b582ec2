using Lmc.BuildingBlocks.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.AnnualLists;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : LmcDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<AnnualList> AnnualLists => Set<AnnualList>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        modelBuilder.ApplyConfiguration(new AnnualListConfiguration());
        base.OnModelCreating(modelBuilder);
    }
}
