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
        builder.Property(e => e.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
        builder.Property(e => e.Id).HasColumnName("id");
        builder.HasIndex(e => e.Id).IsUnique();
        builder.Property(e => e.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Organisation).HasColumnName("organisation").HasMaxLength(64);
        builder.Property(e => e.GrantId).HasColumnName("grant_id");
        builder.HasIndex(e => new { e.GrantId, e.Kind });
        builder.Property(e => e.ProjectId).HasColumnName("project_id");
        builder.HasIndex(e => e.ProjectId);
        builder.Property(e => e.Country).HasColumnName("country").HasMaxLength(2);
        builder.Property(e => e.PriorityArea).HasColumnName("priority_area").HasMaxLength(64);
        builder.Property(e => e.Year).HasColumnName("year");
        builder.Property(e => e.ValueDate).HasColumnName("value_date");
        builder.Property(e => e.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(e => e.Amount).HasColumnName("amount").HasPrecision(18, 2);
        builder.Property(e => e.UsdRate).HasColumnName("usd_rate").HasPrecision(18, 8);
        builder.Property(e => e.AmountUsd).HasColumnName("amount_usd").HasPrecision(18, 2);
        builder.Property(e => e.Description).HasColumnName("description").HasMaxLength(LedgerEntry.DescriptionMaxLength);
        builder.Property(e => e.RecordedAt).HasColumnName("recorded_at");
        builder.Property(e => e.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
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
        builder.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(r => r.ValueDate).HasColumnName("value_date");
        builder.Property(r => r.UsdPerUnit).HasColumnName("usd_per_unit").HasPrecision(18, 8);
        builder.Property(r => r.RecordedAt).HasColumnName("recorded_at");
        builder.Property(r => r.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
    }
}
