using Lmc.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Data;

/// <summary>The model for `dotnet ef migrations add`, built the way the service builds it (with its geometry).</summary>
internal sealed class DesignTimeFactory : LmcDesignTimeFactory<ConnectivityDbContext>
{
    protected override void Configure(DbContextOptionsBuilder<ConnectivityDbContext> options) => ConnectivityDbContext.UseGeometry(options);
}
