using Lmc.BuildingBlocks.Data;
using Lmc.HealthSurveillance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.HealthSurveillance.Data;

public sealed class SurveillanceDbContext(DbContextOptions<SurveillanceDbContext> options) : LmcDbContext(options)
{
    public DbSet<WeeklyReport> WeeklyReports => Set<WeeklyReport>();

    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();

    public DbSet<Signal> Signals => Set<Signal>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<CrossBorderNotice> CrossBorderNotices => Set<CrossBorderNotice>();

    public DbSet<HeightenedSurveillance> HeightenedSurveillance => Set<HeightenedSurveillance>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SurveillanceDbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
