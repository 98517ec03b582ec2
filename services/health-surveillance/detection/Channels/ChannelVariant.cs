using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>How an endemic channel summarises the same week of earlier years.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelVariant>))]
public enum ChannelVariant
{
    /// <summary>Q1, median, Q3 (Bortman's channel): robust to one odd year.</summary>
    Quartiles,

    /// <summary>Arithmetic mean ± k SD, the lower limit floored at 0.</summary>
    MeanStandardDeviation,

    /// <summary>
    /// Mean ± k SD of log(x + 1), transformed back with exp(·) - 1: counts are skewed, and
    /// on the log scale the limits stay positive and a single large year weighs less.
    /// </summary>
    Geometric,
}
