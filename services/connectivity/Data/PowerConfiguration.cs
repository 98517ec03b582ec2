using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lmc.Connectivity.Data;

internal sealed class PowerFlowConfiguration : IEntityTypeConfiguration<PowerFlow>
{
    public void Configure(EntityTypeBuilder<PowerFlow> builder)
    {
        builder.ToTable("power_flows", t => t.HasCheckConstraint("ck_power_flows_energy",
            "mwh_forward >= 0 AND mwh_reverse >= 0 AND mwh_forward + mwh_reverse <= capacity_mw * 24 * 31"));
        builder.HasKey(f => f.Id);
        // One report per line and month; a correction updates it (and its version).
        builder.HasIndex(f => new { f.LinkId, f.MonthStart }).IsUnique();
        builder.HasIndex(f => f.MonthStart);
        builder.HasOne<Link>().WithMany().HasForeignKey(f => f.LinkId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.FromCountry).HasMaxLength(2);
        builder.Property(f => f.ToCountry).HasMaxLength(2);
        builder.Property(f => f.ReportedBy).HasMaxLength(200);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.Month);
        builder.Ignore(f => f.Hours);
        builder.Ignore(f => f.Utilisation);
        builder.Ignore(f => f.UtilisationForward);
        builder.Ignore(f => f.UtilisationReverse);
    }
}
