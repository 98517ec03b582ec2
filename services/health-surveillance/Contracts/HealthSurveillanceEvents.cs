using Lmc.Contracts.IntegrationEvents;

namespace Lmc.HealthSurveillance.Contracts;

// Events of the health-surveillance service (para 79). Units are ISO 3166-2 codes ("LA-SV"),
// countries ISO 3166-1 alpha-2, weeks labelled "2024-W07" (ISO) or "2024-MMWR07".

/// <summary>The threshold engine found a week abnormal in a unit.</summary>
[EventName("lmc.health-surveillance.signal-raised.v1")]
[OperationalData(nameof(Country))]
public sealed record SignalRaised(
    Guid SignalId, Guid AlertId, string Disease, string Unit, string Country, string Week, string Method, double Observed, double Statistic,
    double Threshold, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The unit's country's focal point verified the alert (to be assessed).</summary>
[EventName("lmc.health-surveillance.alert-verified.v1")]
[OperationalData(nameof(Country))]
public sealed record AlertVerified(Guid AlertId, string Disease, string Unit, string Country, string FirstWeek, string LastWeek, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

/// <summary>
/// A verified alert in a border unit, for the focal points of the country across that border:
/// one event per receiving country, naming its facing units.
/// </summary>
[EventName("lmc.health-surveillance.cross-border-notice.v1")]
[OperationalData(nameof(FromCountry), nameof(ToCountry))]
public sealed record CrossBorderNoticeSent(
    Guid NoticeId, Guid AlertId, string Disease, string FromCountry, string Unit, string ToCountry, IReadOnlyList<string> FacingUnits, string Week,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The risk was assessed; NotifyWhoBy is set when IHR Annex 2 requires notifying WHO.</summary>
[EventName("lmc.health-surveillance.alert-risk-assessed.v1")]
[OperationalData(nameof(Country))]
public sealed record AlertRiskAssessed(Guid AlertId, string Disease, string Unit, string Country, string RiskLevel, bool NotifyWho,
    DateTimeOffset? NotifyWhoBy, DateTimeOffset OccurredAt) : IIntegrationEvent;

[EventName("lmc.health-surveillance.alert-closed.v1")]
[OperationalData(nameof(Country))]
public sealed record AlertClosed(Guid AlertId, string Disease, string Unit, string Country, string Outcome, DateTimeOffset OccurredAt) : IIntegrationEvent;
