using Lmc.BuildingBlocks.Data;
using Lmc.Identity.Domain;
using Lmc.Identity.Signing;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Identity.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : LmcDbContext(options)
{
    public DbSet<ClientProfile> Clients => Set<ClientProfile>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClientProfile>(client =>
        {
            client.ToTable("client_profiles");
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasColumnName("client_id").HasMaxLength(64);
            client.Property(c => c.DisplayName).HasColumnName("display_name").HasMaxLength(200);
            client.Property(c => c.Country).HasColumnName("country").HasMaxLength(2);
            client.Property(c => c.Roles).HasColumnName("roles");
            client.Property(c => c.Scopes).HasColumnName("scopes");
            client.Property(c => c.CreatedAt).HasColumnName("created_at");
            client.Property(c => c.Version).HasColumnName("version").IsConcurrencyToken();
            client.HasIndex(c => c.Country).HasDatabaseName("ix_client_profiles_country");
        });
        modelBuilder.Entity<SigningKeyRecord>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(64);
            key.Property(k => k.PrivateKey).HasColumnName("private_key");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
        });
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<IdentityDbContext>()
        .UseNpgsql("Host=localhost;Database=identity_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseOpenIddict()
        .Options);
}
