using Lmc.BuildingBlocks.Data;
using Lmc.Identity.Domain;
using Lmc.Identity.Signing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

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
            client.Property(c => c.ClientId).HasMaxLength(64);
            client.Property(c => c.DisplayName).HasMaxLength(200);
            client.Property(c => c.Country).HasMaxLength(2);
            client.Property(c => c.Version).IsConcurrencyToken();
            client.HasIndex(c => c.Country).HasDatabaseName("ix_client_profiles_country");
        });
        modelBuilder.Entity<SigningKeyRecord>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasMaxLength(64);
        });
        // OpenIddict names its tables explicitly (its columns follow the convention); these run after its own
        // configuration, so the tables are named like every other table on the platform.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The model for `dotnet ef migrations add`, with OpenIddict's entities as at run time.</summary>
internal sealed class DesignTimeFactory : LmcDesignTimeFactory<IdentityDbContext>
{
    protected override void Configure(DbContextOptionsBuilder<IdentityDbContext> options) => options.UseOpenIddict();
}
