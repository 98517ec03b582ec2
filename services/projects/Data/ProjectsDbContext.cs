using Lmc.BuildingBlocks.Data;
using Lmc.Projects.Domain;
using Lmc.Projects.Domain.AnnualLists;
using Lmc.Projects.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : LmcDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<AnnualList> AnnualLists => Set<AnnualList>();

    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<FundingTransaction> FundingTransactions => Set<FundingTransaction>();

    public DbSet<ReportDecision> ReportDecisions => Set<ReportDecision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        modelBuilder.ApplyConfiguration(new AnnualListConfiguration());
        modelBuilder.ApplyConfiguration(new ProgressReportConfiguration());
        modelBuilder.ApplyConfiguration(new AssessmentConfiguration());
        modelBuilder.ApplyConfiguration(new FundingTransactionConfiguration());
        modelBuilder.ApplyConfiguration(new ReportDecisionConfiguration());
        base.OnModelCreating(modelBuilder);
    }
}
