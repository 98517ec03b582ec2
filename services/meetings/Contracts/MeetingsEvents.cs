using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Meetings.Contracts;

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

/// <summary>
/// Any decision adopted by consensus, in a meeting or by silence procedure: the record other
/// services and the public register follow. Kind is "annual-project-list",
/// "implementation-report", "jwg-upgrade" or "general"; Method "in-meeting" or "silence";
/// Symbol the decision's document symbol; Reservations the countries that joined with one.
/// </summary>
[EventName("lmc.meetings.decision-adopted.v1")]
public sealed record DecisionAdopted(
    Guid DecisionId, string Body, string Meeting, string Kind, string Title, string Method, string Symbol,
    IReadOnlyList<string> Reservations, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The SOM submitted the implementation report of a year to the FMM (para 5).</summary>
[EventName("lmc.meetings.implementation-report-submitted.v1")]
public sealed record ImplementationReportSubmitted(Guid DecisionId, string Meeting, int Year, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The FMM (or the Leaders' Meeting) commended the implementation report of a year.</summary>
[EventName("lmc.meetings.implementation-report-commended.v1")]
public sealed record ImplementationReportCommended(Guid DecisionId, string Meeting, int Year, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The JWG of a priority area was upgraded by consensus (para 6). Level is "working-group",
/// "senior-officials" or "ministerial".
/// </summary>
[EventName("lmc.meetings.jwg-upgraded.v1")]
public sealed record JwgUpgraded(Guid DecisionId, string Meeting, string PriorityArea, string Level, DateTimeOffset OccurredAt) : IIntegrationEvent;
