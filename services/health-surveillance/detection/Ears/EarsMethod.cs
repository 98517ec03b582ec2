using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Ears;

/// <summary>The three CDC EARS (Early Aberration Reporting System) methods.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EarsMethod>))]
public enum EarsMethod
{
    /// <summary>Baseline t-7..t-1; alarm when x_t &gt; m + k·s.</summary>
    C1,

    /// <summary>Baseline t-9..t-3 (two periods of guard band); alarm when x_t &gt; m + k·s.</summary>
    C2,

    /// <summary>Sum over t-2..t of max(0, C2_i - 1); alarm when the sum is at least the C3 threshold.</summary>
    C3,
}
