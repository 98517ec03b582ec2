using Lmc.Meetings.Domain;

namespace Lmc.Meetings.Application;

/// <summary>The <c>Meetings</c> section: co-chair rotation, cadence rules, the silence job's pace.</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    public List<CoChairTerm> CoChairRotation { get; init; } = [];

    public List<CadenceRule> Cadence { get; init; } = [];

    /// <summary>How often the silence job looks for procedures whose deadline has come.</summary>
    public TimeSpan SilencePollInterval { get; init; } = TimeSpan.FromSeconds(5);
}
