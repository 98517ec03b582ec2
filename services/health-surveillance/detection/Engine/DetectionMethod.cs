using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Engine;

/// <summary>Which method produced an <see cref="Evaluation"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DetectionMethod>))]
public enum DetectionMethod
{
    EarsC1,
    EarsC2,
    EarsC3,
    EndemicChannel,
}
