using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Meetings.Data;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ToTable("bodies");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(64);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.Symbol).HasMaxLength(16);
        builder.HasIndex(b => b.Symbol).IsUnique();
        builder.Property(b => b.PriorityArea).HasMaxLength(64);
        builder.Property(b => b.Level).HasConversion<string>().HasMaxLength(32);
        // The framework's bodies are part of the schema; a JWG's level then changes only by decision.
        builder.HasData(StandardBodies.All.Select(b => new { b.Id, b.Name, b.Kind, b.Symbol, b.PriorityArea, b.Level }));
    }
}
