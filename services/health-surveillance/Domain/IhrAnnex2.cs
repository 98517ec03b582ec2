namespace Lmc.HealthSurveillance.Domain;

/// <summary>
/// The IHR (2005) Annex 2 decision instrument, reduced to what the platform can check: an event
/// is notified to WHO within 24 hours of assessment when two of the four criteria hold (serious
/// public health impact, unusual or unexpected, significant risk of international spread,
/// significant risk of travel or trade restrictions), or at once when the disease is one Annex 2
/// always requires (smallpox, wild poliovirus, new subtype human influenza, SARS).
/// </summary>
public sealed record IhrAnnex2(bool SeriousImpact, bool Unusual, bool InternationalSpread, bool TravelOrTradeRestriction, bool AlwaysNotifiable)
{
    public static readonly TimeSpan NotificationWindow = TimeSpan.FromHours(24);

    public int CriteriaMet => new[] { SeriousImpact, Unusual, InternationalSpread, TravelOrTradeRestriction }.Count(c => c);

    public bool NotifyWho => AlwaysNotifiable || CriteriaMet >= 2;

    public DateTimeOffset? NotifyWhoBy(DateTimeOffset assessedAt) => NotifyWho ? assessedAt + NotificationWindow : null;
}
