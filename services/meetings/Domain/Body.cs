using Lmc.BuildingBlocks.Domain;

namespace Lmc.Meetings.Domain;

public enum BodyKind
{
    Leaders = 1,
    ForeignMinisters = 2,
    SeniorOfficials = 3,
    DiplomaticJwg = 4,
    SectoralJwg = 5,
}

/// <summary>The level of a joint working group (para 6); ordered, so an upgrade only goes up.</summary>
public enum JwgLevel
{
    WorkingGroup = 1,
    SeniorOfficials = 2,
    Ministerial = 3,
}

/// <summary>
/// A body of the multi-layer framework (para 3). Its id is a stable slug; its symbol is the part
/// of the document symbols that names it (<c>LMC/FMM.9</c>). A sectoral JWG has a level that only
/// a decision by consensus raises.
/// </summary>
public sealed class Body
{
    private Body()
    {
    }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public BodyKind Kind { get; private set; }
    public string Symbol { get; private set; } = "";
    public string? PriorityArea { get; private set; }
    public JwgLevel? Level { get; private set; }

    /// <summary>Bodies whose decisions adopt what the SOM recommended (para 5, para 92).</summary>
    public bool IsMinisterialOrAbove => Kind is BodyKind.Leaders or BodyKind.ForeignMinisters;

    internal static Body Create(string id, string name, BodyKind kind, string symbol, string? area = null, JwgLevel? level = null) =>
        new() { Id = id, Name = name, Kind = kind, Symbol = symbol, PriorityArea = area, Level = level };

    public static string JwgId(string areaSlug) => "jwg-" + areaSlug;

    public void Upgrade(JwgLevel level)
    {
        EnsureUpgradable(level);
        Level = level;
    }

    public void EnsureUpgradable(JwgLevel level)
    {
        if (Kind != BodyKind.SectoralJwg)
        {
            throw new RuleViolationException("jwg.not-sectoral", $"{Name} is not a sectoral joint working group.");
        }

        if (Level is { } current && level <= current)
        {
            throw new RuleViolationException("jwg.not-an-upgrade", $"{Name} is already at the {current} level; an upgrade must raise it.");
        }
    }
}

/// <summary>The bodies every deployment has, seeded with the schema.</summary>
public static class StandardBodies
{
    public const string Leaders = "leaders";
    public const string ForeignMinisters = "fmm";
    public const string SeniorOfficials = "som";
    public const string DiplomaticJwg = "diplomatic-jwg";

    public static IReadOnlyList<Body> All { get; } =
    [
        Body.Create(Leaders, "Lancang-Mekong Cooperation Leaders' Meeting", BodyKind.Leaders, "LM"),
        Body.Create(ForeignMinisters, "Lancang-Mekong Cooperation Foreign Ministers' Meeting", BodyKind.ForeignMinisters, "FMM"),
        Body.Create(SeniorOfficials, "Lancang-Mekong Cooperation Senior Officials' Meeting", BodyKind.SeniorOfficials, "SOM"),
        Body.Create(DiplomaticJwg, "Diplomatic Joint Working Group", BodyKind.DiplomaticJwg, "DJWG"),
        Jwg(PriorityAreas.Connectivity, "Connectivity", "JWG-CON"),
        Jwg(PriorityAreas.ProductionCapacity, "Production Capacity", "JWG-PC"),
        Jwg(PriorityAreas.CrossBorderEconomicCooperation, "Cross-border Economic Cooperation", "JWG-CBEC"),
        Jwg(PriorityAreas.WaterResources, "Water Resources", "JWG-WR"),
        Jwg(PriorityAreas.AgricultureAndPovertyReduction, "Agriculture and Poverty Reduction", "JWG-APR"),
    ];

    private static Body Jwg(string area, string name, string symbol) =>
        Body.Create(Body.JwgId(area), $"Joint Working Group on {name}", BodyKind.SectoralJwg, symbol, area, JwgLevel.WorkingGroup);
}
