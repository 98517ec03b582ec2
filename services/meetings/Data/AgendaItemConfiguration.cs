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
        builder.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(i => i.BodyId).HasColumnName("body_id").HasMaxLength(64);
        builder.HasOne<Body>().WithMany().HasForeignKey(i => i.BodyId).OnDelete(DeleteBehavior.Restrict);
        // Named, so that the unique index below (which starts with body_id but covers only adopted
        // lists and reports) does not stand in for it: meetings and decisions are filtered by body.
        builder.HasIndex(i => i.BodyId);
        builder.Property(i => i.MeetingId).HasColumnName("meeting_id");
        builder.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Parent).HasColumnName("parent").HasMaxLength(32);
        builder.Property(i => i.Number).HasColumnName("number");
        builder.HasIndex(i => new { i.Parent, i.Number }).IsUnique();
        builder.Property(i => i.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Title).HasColumnName("title").HasMaxLength(300);
        builder.Property(i => i.Year).HasColumnName("year");
        builder.Property(i => i.PriorityArea).HasColumnName("priority_area").HasMaxLength(64);
        builder.Property(i => i.Level).HasColumnName("level").HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.Kind, i.Year, i.Status });
        // A body decides a year's list or report once: two concurrent adoptions cannot both commit.
        // Only those two kinds: a body may adopt any number of general decisions in a year.
        builder.HasIndex(i => new { i.BodyId, i.Kind, i.Year }).IsUnique()
            .HasFilter("status = 'Adopted' AND kind IN ('AnnualProjectList', 'ImplementationReport')").HasDatabaseName("ux_agenda_items_adopted_yearly");
        builder.Property(i => i.Documents).HasColumnName("documents").HasJsonConversion();
        builder.Property(i => i.Positions).HasColumnName("positions").HasJsonConversion();
        builder.Property(i => i.SilenceDeadline).HasColumnName("silence_deadline");
        // The silence job looks only at pending procedures whose deadline has come.
        builder.HasIndex(i => i.SilenceDeadline).HasFilter("status = 'Pending' AND silence_deadline IS NOT NULL");
        builder.Property(i => i.Decision!).HasColumnName("decision").HasJsonConversion();
        builder.Property(i => i.ProjectIds).HasColumnName("project_ids");
        builder.Property(i => i.OutcomeNote).HasColumnName("outcome_note").HasMaxLength(4000);
        builder.Property(i => i.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(i => i.CreatedAt).HasColumnName("created_at");
        builder.Property(i => i.UpdatedAt).HasColumnName("updated_at");
        builder.Ignore(i => i.IsSilenceProcedure);
        builder.Ignore(i => i.DraftSymbol);
    }
}
