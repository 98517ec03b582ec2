using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection.Channels;

/// <summary>How quartiles are computed; stored with the channel because methods disagree on small samples.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuantileMethod>))]
public enum QuantileMethod
{
    /// <summary>
    /// Linear interpolation between closest ranks (Hyndman and Fan type 7; R's quantile()
    /// default, Excel QUARTILE.INC): h = (n - 1)p, Q = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
    /// </summary>
    LinearInterpolation,
}
