using Lmc.BuildingBlocks.Data;

namespace Lmc.WaterResources.Data;

/// <summary>The model for `dotnet ef migrations add`, built the way the service builds it.</summary>
internal sealed class DesignTimeFactory : LmcDesignTimeFactory<WaterResourcesDbContext>;
