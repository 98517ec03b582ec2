using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>
/// Where a week's value falls in the channel. Boundaries: below Lower is success; from Lower up
/// to Centre, both included, safety; above Centre up to Upper included, alert; above Upper,
/// epidemic. A value on a limit takes the calmer zone, so "epidemic" always means strictly
/// above the upper limit, the same test the outbreak rule uses. For quartile channels Lower, Centre
/// and Upper are Q1, median and Q3; for the SD variants, mean - kSD, mean and mean + kSD.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelZone>))]
public enum ChannelZone
{
    /// <summary>The channel could not be built (too few years).</summary>
    Unknown,
    Success,
    Safety,
    Alert,
    Epidemic,
}
