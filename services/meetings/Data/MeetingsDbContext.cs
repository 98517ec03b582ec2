using Lmc.BuildingBlocks.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Meetings.Data;

public sealed class MeetingsDbContext(DbContextOptions<MeetingsDbContext> options) : LmcDbContext(options)
{
    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<CompiledList> CompiledLists => Set<CompiledList>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new BodyConfiguration());
        modelBuilder.ApplyConfiguration(new MeetingConfiguration());
        modelBuilder.ApplyConfiguration(new AgendaItemConfiguration());
        modelBuilder.ApplyConfiguration(new CompiledListConfiguration());
        base.OnModelCreating(modelBuilder);
    }
}
