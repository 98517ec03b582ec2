using Lmc.BuildingBlocks.Data;
using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Funding.Data;

public sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : LmcDbContext(options)
{
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    public DbSet<FundingCall> Calls => Set<FundingCall>();

    public DbSet<FundApplication> Applications => Set<FundApplication>();

    public DbSet<Grant> Grants => Set<Grant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FundingDbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
