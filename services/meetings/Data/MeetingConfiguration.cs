using Lmc.BuildingBlocks.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Meetings.Data;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.BodyId).HasColumnName("body_id").HasMaxLength(64);
        builder.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Ordinal).HasColumnName("ordinal");
        // One 9th FMM: the ordinal is the session's identity in every document symbol.
        builder.HasIndex(m => new { m.BodyId, m.Ordinal }).IsUnique();
        builder.Property(m => m.Symbol).HasColumnName("symbol").HasMaxLength(32);
        builder.Property(m => m.Title).HasColumnName("title").HasMaxLength(300);
        builder.Property(m => m.StartDate).HasColumnName("start_date");
        builder.Property(m => m.EndDate).HasColumnName("end_date");
        builder.Property(m => m.HostCountry).HasColumnName("host_country").HasMaxLength(2);
        builder.Property(m => m.Venue).HasColumnName("venue").HasMaxLength(200);
        builder.Property(m => m.CoChairs).HasColumnName("co_chairs");
        builder.Property(m => m.Delegations).HasColumnName("delegations").HasJsonConversion();
        builder.Property(m => m.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ItemCount).HasColumnName("item_count");
        builder.Property(m => m.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(m => m.UpdatedAt).HasColumnName("updated_at");
    }
}
