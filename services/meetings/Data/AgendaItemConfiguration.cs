using Lmc.BuildingBlocks.Data;
using Lmc.Meetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Meetings.Data;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("agenda_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.BodyId).HasMaxLength(64);
        builder.HasOne<Body>().WithMany().HasForeignKey(i => i.BodyId).OnDelete(DeleteBehavior.Restrict);
        // Named, so that the unique index below (which starts with body_id but covers only adopted
        // lists and reports) does not stand in for it: meetings and decisions are filtered by body.
        builder.HasIndex(i => i.BodyId);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Parent).HasMaxLength(32);
        builder.HasIndex(i => new { i.Parent, i.Number }).IsUnique();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.PriorityArea).HasMaxLength(64);
        builder.Property(i => i.Level).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.Kind, i.Year, i.Status });
        // A body decides a year's list or report once: two concurrent adoptions cannot both commit.
        // Only those two kinds: a body may adopt any number of general decisions in a year.
        builder.HasIndex(i => new { i.BodyId, i.Kind, i.Year }).IsUnique()
            .HasFilter("status = 'Adopted' AND kind IN ('AnnualProjectList', 'ImplementationReport')").HasDatabaseName("ux_agenda_items_adopted_yearly");
        builder.Property(i => i.Documents).HasJsonConversion();
        builder.Property(i => i.Positions).HasJsonConversion();
        // The silence job looks only at pending procedures whose deadline has come.
        builder.HasIndex(i => i.SilenceDeadline).HasFilter("status = 'Pending' AND silence_deadline IS NOT NULL");
        builder.Property(i => i.Decision!).HasJsonConversion();
        builder.Property(i => i.OutcomeNote).HasMaxLength(4000);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsSilenceProcedure);
        builder.Ignore(i => i.DraftSymbol);
    }
}
