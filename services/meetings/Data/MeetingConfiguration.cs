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
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.BodyId).HasMaxLength(64);
        builder.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        // One 9th FMM: the ordinal is the session's identity in every document symbol.
        builder.HasIndex(m => new { m.BodyId, m.Ordinal }).IsUnique();
        builder.Property(m => m.Symbol).HasMaxLength(32);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.HostCountry).HasMaxLength(2);
        builder.Property(m => m.Venue).HasMaxLength(200);
        builder.Property(m => m.Delegations).HasJsonConversion();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}
