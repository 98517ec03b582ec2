namespace Lmc.Contracts.IntegrationEvents;

// Decisions of the meetings service that act on other services. Published by `meetings` (its own
// issue); `projects` consumes them. Decision is the meetings service's id of the decision;
// Meeting its UN-style session symbol ("LMC/FMM.9").

/// <summary>The SOM recommended the annual project list of a year to the FMM.</summary>
[EventName("lmc.meetings.project-list-recommended.v1")]
public sealed record ProjectListRecommended(Guid DecisionId, string Meeting, int Year, IReadOnlyList<Guid> ProjectIds, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>The FMM (or the Leaders' Meeting) adopted the annual project list of a year by consensus.</summary>
[EventName("lmc.meetings.project-list-adopted.v1")]
public sealed record ProjectListAdopted(Guid DecisionId, string Meeting, int Year, IReadOnlyList<Guid> ProjectIds, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
