using System.Collections.Frozen;

namespace Lmc.BuildingBlocks.Domain;

/// <summary>The six members of the Lancang-Mekong Cooperation, by ISO 3166-1 alpha-2 code.</summary>
public static class MemberCountries
{
    public const string Cambodia = "KH";
    public const string China = "CN";
    public const string Laos = "LA";
    public const string Myanmar = "MM";
    public const string Thailand = "TH";
    public const string VietNam = "VN";

    public static readonly FrozenSet<string> All = FrozenSet.ToFrozenSet([Cambodia, China, Laos, Myanmar, Thailand, VietNam], StringComparer.Ordinal);

    public static bool IsMember(string? code) => code is not null && All.Contains(code);

    /// <summary>The short English name, as the LMC's documents write it.</summary>
    public static string NameOf(string code) => code switch
    {
        Cambodia => "Cambodia",
        China => "China",
        Laos => "Lao PDR",
        Myanmar => "Myanmar",
        Thailand => "Thailand",
        VietNam => "Viet Nam",
        _ => code,
    };
}

/// <summary>The five key priority areas (Plan of Action 2018-2022, para 1), by slug.</summary>
public static class PriorityAreas
{
    public const string Connectivity = "connectivity";
    public const string ProductionCapacity = "production-capacity";
    public const string CrossBorderEconomicCooperation = "cross-border-economic-cooperation";
    public const string WaterResources = "water-resources";
    public const string AgricultureAndPovertyReduction = "agriculture-and-poverty-reduction";

    public static readonly FrozenSet<string> All = FrozenSet.ToFrozenSet(
        [Connectivity, ProductionCapacity, CrossBorderEconomicCooperation, WaterResources, AgricultureAndPovertyReduction],
        StringComparer.Ordinal);

    public static bool IsKnown(string? slug) => slug is not null && All.Contains(slug);
}
