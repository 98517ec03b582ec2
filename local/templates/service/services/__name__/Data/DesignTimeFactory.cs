using Lmc.BuildingBlocks.Data;

namespace Lmc.__Pascal__.Data;

/// <summary>The model for `dotnet ef migrations add`, built the way the service builds it.</summary>
internal sealed class DesignTimeFactory : LmcDesignTimeFactory<__Pascal__DbContext>;
