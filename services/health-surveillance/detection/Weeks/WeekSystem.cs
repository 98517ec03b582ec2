using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Weeks;

/// <summary>How a year is cut into epidemiological weeks.</summary>
/// <remarks>Persisted by name, so reordering the members never changes stored data.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<WeekSystem>))]
public enum WeekSystem
{
    /// <summary>ISO 8601, used by WHO: weeks start on Monday; week 1 holds 4 January.</summary>
    Iso,

    /// <summary>US CDC MMWR: weeks start on Sunday; week 1 has at least four days in the new year.</summary>
    Mmwr,
}
