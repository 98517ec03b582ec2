using Lmc.BuildingBlocks.Auth;

namespace Lmc.WaterResources.Domain;

/// <summary>
/// What the service says of itself: its name, what it answers, and the JWG role that alone writes to it.
/// </summary>
public sealed record ServiceCard(string Name, string Summary, string Owner)
{
    public string ReadScope => LmcScopes.Read(Name);

    public string WriteScope => LmcScopes.Write(Name);
}
