namespace Lmc.Funding.Domain;

/// <summary>An organisation the fund deals with, by its IATI organisation identifier.</summary>
public sealed record Organisation(string Ref, string Name, string Type, string Role);

/// <summary>
/// The LMC Special Fund and the co-financiers named by the Plan of Action (para 32). References
/// are IATI organisation identifiers where one is registered (OECD DAC channel codes for ADB and
/// the World Bank); the others carry the platform's own XM-LMC prefix until theirs is confirmed.
/// </summary>
public static class Organisations
{
    public const string SpecialFund = "XM-LMC-SF";

    public static IReadOnlyList<Organisation> All { get; } =
    [
        new(SpecialFund, "Lancang-Mekong Cooperation Special Fund", "10", "fund"),
        new("XM-LMC-AIIB", "Asian Infrastructure Investment Bank", "40", "co-financier"),
        new("46004", "Asian Development Bank", "40", "co-financier"),
        new("XM-LMC-SRF", "Silk Road Fund", "10", "co-financier"),
        new("44001", "World Bank (IBRD)", "40", "co-financier"),
    ];

    public static Organisation? Find(string reference) => All.FirstOrDefault(o => o.Ref == reference);
}
