using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Channels;

[JsonConverter(typeof(JsonStringEnumConverter<ChannelStatus>))]
public enum ChannelStatus
{
    Ready,

    /// <summary>Fewer non-epidemic earlier years than <see cref="ChannelSettings.MinimumYears"/>; the channel has no weeks.</summary>
    InsufficientYears,
}
