using System.Text.Json.Serialization;

namespace Lmc.HealthSurveillance.Detection;

/// <summary>Whether a method could judge a week at all.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvaluationStatus>))]
public enum EvaluationStatus
{
    Evaluated,

    /// <summary>
    /// Not enough earlier data for the method's baseline. Never an alarm and never an exception:
    /// a newly reporting site or disease is normal, and "cannot tell yet" must stay visible.
    /// </summary>
    InsufficientHistory,
}
