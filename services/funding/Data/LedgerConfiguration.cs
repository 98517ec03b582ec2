using Lmc.Funding.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Funding.Data;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_usd_cents", "amount_usd = round(amount_usd, 2)"));
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(e => e.Id).IsUnique();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Organisation).HasMaxLength(64);
        builder.HasIndex(e => new { e.GrantId, e.Kind });
        builder.HasIndex(e => e.ProjectId);
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.PriorityArea).HasMaxLength(64);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.UsdRate).HasPrecision(18, 8);
        builder.Property(e => e.AmountUsd).HasPrecision(18, 2);
        builder.Property(e => e.Description).HasMaxLength(LedgerEntry.DescriptionMaxLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
        builder.Ignore(e => e.IatiTransactionType);
        builder.Ignore(e => e.KindName);
    }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.ToTable("exchange_rates", t => t.HasCheckConstraint("ck_exchange_rates_positive", "usd_per_unit > 0"));
        builder.HasKey(r => new { r.Currency, r.ValueDate });
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.UsdPerUnit).HasPrecision(18, 8);
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
    }
}
