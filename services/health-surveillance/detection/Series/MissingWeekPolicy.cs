using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Series;

/// <summary>What a missing week in the reported data means.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MissingWeekPolicy>))]
public enum MissingWeekPolicy
{
    /// <summary>
    /// Refuse the series. A week nobody reported is not a week with no cases: zero-filling
    /// it would lower the baselines and make the following week look like a rise.
    /// </summary>
    Reject,

    /// <summary>
    /// Count a missing week as 0, for programmes where sites report only when they see cases
    /// (zero reporting is not practised).
    /// </summary>
    TreatAsZero,
}
