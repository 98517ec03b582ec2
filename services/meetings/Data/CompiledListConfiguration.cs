using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Meetings.Data;

internal sealed class CompiledListConfiguration : IEntityTypeConfiguration<CompiledList>
{
    public void Configure(EntityTypeBuilder<CompiledList> builder)
    {
        builder.ToTable("compiled_lists");
        builder.HasKey(l => l.Year);
        builder.Property(l => l.Year).ValueGeneratedNever();
    }
}
