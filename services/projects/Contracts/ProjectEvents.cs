using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Projects.Contracts;

// Events of the projects service, one per lifecycle change. Countries are ISO 3166-1 alpha-2
// codes ("TH"), priority areas their slugs ("water-resources"), amounts decimal.

[EventName("lmc.projects.project-proposed.v1")]
public sealed record ProjectProposed(
    Guid ProjectId,
    string LeadCountry,
    IReadOnlyList<string> PartnerCountries,
    string PriorityArea,
    string Title,
    string Currency,
    decimal BudgetAmount,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

[EventName("lmc.projects.project-submitted.v1")]
public sealed record ProjectSubmitted(Guid ProjectId, string LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

[EventName("lmc.projects.project-endorsed.v1")]
public sealed record ProjectEndorsed(Guid ProjectId, string LeadCountry, string PriorityArea, string EndorsedBy, long Version, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>Adopted on the annual list of <c>Year</c> by the decision <c>DecisionId</c> (fields added within v1).</summary>
[EventName("lmc.projects.project-adopted.v1")]
public sealed record ProjectAdopted(
    Guid ProjectId, string LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt, int? Year = null, Guid? DecisionId = null)
    : IIntegrationEvent;

[EventName("lmc.projects.project-started.v1")]
public sealed record ProjectStarted(Guid ProjectId, string LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

[EventName("lmc.projects.project-completed.v1")]
public sealed record ProjectCompleted(Guid ProjectId, string LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

[EventName("lmc.projects.project-cancelled.v1")]
public sealed record ProjectCancelled(Guid ProjectId, string LeadCountry, string PriorityArea, string Reason, long Version, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

[EventName("lmc.projects.project-budget-revised.v1")]
public sealed record ProjectBudgetRevised(
    Guid ProjectId, string LeadCountry, string Currency, decimal Amount, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly ValueDate,
    long Version, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The JWG of the project's area accepted a progress report: what the Special Fund waits for
/// before disbursing the tranche of that period.
/// </summary>
[EventName("lmc.projects.progress-report-accepted.v1")]
public sealed record ProgressReportAccepted(
    Guid ProjectId, Guid ReportId, string LeadCountry, string PriorityArea, DateOnly PeriodStart, DateOnly PeriodEnd, int PercentComplete,
    string AcceptedBy, DateTimeOffset OccurredAt) : IIntegrationEvent;

[EventName("lmc.projects.progress-report-returned.v1")]
public sealed record ProgressReportReturned(Guid ProjectId, Guid ReportId, string LeadCountry, string ReturnedBy, string Comment, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

[EventName("lmc.projects.assessment-recorded.v1")]
public sealed record AssessmentRecorded(Guid ProjectId, Guid AssessmentId, string AssessorKind, string Assessor, int Rating, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>
/// The secretariat compiled the annual project list of a year after its deadline: what the SOM
/// may now recommend and the FMM adopt (the meetings service keeps these ids for its agenda).
/// </summary>
[EventName("lmc.projects.annual-list-compiled.v1")]
public sealed record AnnualListCompiled(int Year, IReadOnlyList<Guid> ProjectIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
