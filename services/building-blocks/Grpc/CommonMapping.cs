using Lmc.BuildingBlocks.Domain;
using Lmc.Contracts.Common.V1;

namespace Lmc.BuildingBlocks.Grpc;

/// <summary>Maps the shared proto types of lmc.common.v1 to the domain's codes and back.</summary>
public static class CommonMapping
{
    public static string? ToCode(this Country country) => country switch
    {
        Country.Kh => MemberCountries.Cambodia,
        Country.Cn => MemberCountries.China,
        Country.La => MemberCountries.Laos,
        Country.Mm => MemberCountries.Myanmar,
        Country.Th => MemberCountries.Thailand,
        Country.Vn => MemberCountries.VietNam,
        _ => null,
    };

    /// <summary>A member country a request must name; anything else is the caller's error on <paramref name="field"/>.</summary>
    public static string RequireCode(this Country country, string field) =>
        country.ToCode() ?? throw new ValidationException(field, "must be one of the six member countries");

    /// <summary>A country filter: none, or one of the six (an unknown value is refused, not ignored).</summary>
    public static string? OptionalCode(this Country country, string field) => country == Country.Unspecified ? null : country.RequireCode(field);

    /// <summary>
    /// An enum value from a request: enum values arrive as numbers too, so one the contract does not
    /// name is the caller's error on <paramref name="field"/> (listing <paramref name="choices"/>), never cast through.
    /// </summary>
    public static T RequireDefined<T>(T value, string field, string choices) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ValidationException(field, $"is required: {choices}");

    /// <summary>A year filter: 0 for none, else a year of the platform's range (2000-2100).</summary>
    public static int? OptionalYear(int year, string field) => year switch
    {
        0 => null,
        < 2000 or > 2100 => throw new ValidationException(field, "must be between 2000 and 2100"),
        _ => year,
    };

    /// <summary>An id from a request: a UUID, or the caller's error on <paramref name="field"/>.</summary>
    public static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException(field, "must be a UUID");

    public static Country ToCountry(string code) => code switch
    {
        MemberCountries.Cambodia => Country.Kh,
        MemberCountries.China => Country.Cn,
        MemberCountries.Laos => Country.La,
        MemberCountries.Myanmar => Country.Mm,
        MemberCountries.Thailand => Country.Th,
        MemberCountries.VietNam => Country.Vn,
        _ => Country.Unspecified,
    };

    public static string? ToSlug(this PriorityArea area) => area switch
    {
        PriorityArea.Connectivity => PriorityAreas.Connectivity,
        PriorityArea.ProductionCapacity => PriorityAreas.ProductionCapacity,
        PriorityArea.CrossBorderEconomicCooperation => PriorityAreas.CrossBorderEconomicCooperation,
        PriorityArea.WaterResources => PriorityAreas.WaterResources,
        PriorityArea.AgricultureAndPovertyReduction => PriorityAreas.AgricultureAndPovertyReduction,
        _ => null,
    };

    public static PriorityArea ToPriorityArea(string slug) => slug switch
    {
        PriorityAreas.Connectivity => PriorityArea.Connectivity,
        PriorityAreas.ProductionCapacity => PriorityArea.ProductionCapacity,
        PriorityAreas.CrossBorderEconomicCooperation => PriorityArea.CrossBorderEconomicCooperation,
        PriorityAreas.WaterResources => PriorityArea.WaterResources,
        PriorityAreas.AgricultureAndPovertyReduction => PriorityArea.AgricultureAndPovertyReduction,
        _ => PriorityArea.Unspecified,
    };

    public static Lmc.Contracts.Common.V1.Money ToProto(this Domain.Money money) =>
        new() { Currency = money.Currency, Amount = money.FormatAmount() };

    /// <summary>Page size asked for, defaulted and capped.</summary>
    public static int PageSize(this PageRequest? page) => page?.PageSize switch
    {
        null or <= 0 => 50,
        > 200 => 200,
        var size => size.Value,
    };
}
