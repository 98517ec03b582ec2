using Google.Protobuf.WellKnownTypes;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.Contracts.Common.V1;
using Lmc.HealthSurveillance.Application;
using Domain = Lmc.HealthSurveillance.Domain;
using Proto = Lmc.Contracts.HealthSurveillance.V1;
using Weeks = Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Grpc;

/// <summary>Domain to lmc.healthsurveillance.v1 and back.</summary>
internal static class SurveillanceMapping
{
    /// <summary>ISO unless MMWR is asked for.</summary>
    /// <summary>ISO when unspecified; a number the contract does not name is refused, not read as ISO.</summary>
    public static Weeks.WeekSystem ToDomain(Proto.WeekSystem system) => system switch
    {
        Proto.WeekSystem.Mmwr => Weeks.WeekSystem.Mmwr,
        Proto.WeekSystem.Iso or Proto.WeekSystem.Unspecified => Weeks.WeekSystem.Iso,
        _ => throw new Lmc.BuildingBlocks.Domain.ValidationException("week_system", "must be ISO or MMWR"),
    };

    public static Proto.WeekSystem ToProto(Weeks.WeekSystem system) => system == Weeks.WeekSystem.Mmwr ? Proto.WeekSystem.Mmwr : Proto.WeekSystem.Iso;

    public static WeeklyValueInput ToInput(Proto.WeeklyValue value) =>
        new(value.Disease.Trim(), value.Unit.Trim().ToUpperInvariant(), value.EpiYear, value.EpiWeek, ToDomain(value.WeekSystem), value.Cases, value.Deaths);

    public static Proto.IngestResult ToProto(IngestResult result)
    {
        var proto = new Proto.IngestResult { Received = result.Received, Inserted = result.Inserted, Corrected = result.Corrected, Unchanged = result.Unchanged };
        proto.Signals.AddRange(result.Signals.Select(ToProto));
        return proto;
    }

    public static Proto.Signal ToProto(Domain.Signal signal) => new()
    {
        Id = signal.Id.ToString(),
        Disease = signal.Disease,
        Unit = signal.Unit,
        Country = CommonMapping.ToCountry(signal.Country),
        EpiYear = signal.EpiYear,
        EpiWeek = signal.EpiWeek,
        WeekSystem = ToProto(signal.WeekSystem),
        Method = signal.Method,
        Observed = signal.Observed,
        Statistic = signal.Statistic,
        Threshold = signal.Threshold,
        Note = signal.Note ?? "",
        DetectedAt = Timestamp.FromDateTimeOffset(signal.DetectedAt),
        AlertId = signal.AlertId?.ToString() ?? "",
    };

    public static Proto.Signal ToProto(DetectedSignal signal, string disease, string unit, string country) => new()
    {
        Disease = disease,
        Unit = unit,
        Country = CommonMapping.ToCountry(country),
        EpiYear = signal.Week.Year,
        EpiWeek = signal.Week.Week,
        WeekSystem = ToProto(signal.Week.System),
        Method = signal.Method,
        Observed = signal.Observed,
        Statistic = signal.Statistic,
        Threshold = signal.Threshold,
        Note = signal.Note ?? "",
    };

    public static Proto.HeightenedWatch ToProto(Domain.HeightenedSurveillance watch)
    {
        var proto = new Proto.HeightenedWatch
        {
            Unit = watch.Unit, Country = CommonMapping.ToCountry(watch.Country), Hazard = watch.Hazard, WarningId = watch.WarningId.ToString(),
            Station = watch.StationCode, Headline = watch.Headline, From = Timestamp.FromDateTimeOffset(watch.From),
            Until = watch.Until is { } until ? Timestamp.FromDateTimeOffset(until) : null,
        };
        proto.Diseases.AddRange(watch.Diseases);
        return proto;
    }

    public static Proto.Alert ToProto(Domain.Alert alert, IReadOnlyList<Guid> signals, bool borderUnit)
    {
        var proto = new Proto.Alert
        {
            Id = alert.Id.ToString(),
            Disease = alert.Disease,
            Unit = alert.Unit,
            Country = CommonMapping.ToCountry(alert.Country),
            Status = (Proto.AlertStatus)alert.Status,
            RiskLevel = alert.RiskLevel is { } level ? (Proto.RiskLevel)level : Proto.RiskLevel.Unspecified,
            OpenedAt = Timestamp.FromDateTimeOffset(alert.OpenedAt),
            FirstWeek = alert.FirstWeek,
            LastWeek = alert.LastWeek,
            VerifiedAt = alert.VerifiedAt is { } verified ? Timestamp.FromDateTimeOffset(verified) : null,
            VerifiedBy = alert.VerifiedBy ?? "",
            Response = alert.Response ?? "",
            ClosedAt = alert.ClosedAt is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
            BorderUnit = borderUnit,
            Version = alert.Version,
        };
        if (alert.Ihr is { } ihr)
        {
            proto.Ihr = new Proto.IhrAssessment
            {
                SeriousPublicHealthImpact = ihr.SeriousImpact,
                UnusualOrUnexpected = ihr.Unusual,
                RiskOfInternationalSpread = ihr.InternationalSpread,
                RiskOfTravelOrTradeRestrictions = ihr.TravelOrTradeRestriction,
                NotifyWho = alert.WhoNotificationDue is not null,
                NotifyWhoBy = alert.WhoNotificationDue is { } due ? Timestamp.FromDateTimeOffset(due) : null,
            };
        }

        proto.SignalIds.AddRange(signals.Select(s => s.ToString()));
        proto.Log.AddRange(alert.Log);
        return proto;
    }

    public static Proto.CrossBorderNotice ToProto(Domain.CrossBorderNotice notice)
    {
        var proto = new Proto.CrossBorderNotice
        {
            Id = notice.Id.ToString(),
            AlertId = notice.AlertId.ToString(),
            FromCountry = CommonMapping.ToCountry(notice.FromCountry),
            ToCountry = CommonMapping.ToCountry(notice.ToCountry),
            Unit = notice.Unit,
            UnitName = notice.UnitName,
            Disease = notice.Disease,
            Week = notice.Week,
            SentAt = Timestamp.FromDateTimeOffset(notice.SentAt),
            AcknowledgedAt = notice.AcknowledgedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            AcknowledgedBy = notice.AcknowledgedBy ?? "",
            Summary = notice.Summary,
        };
        proto.FacingUnits.AddRange(notice.FacingUnits);
        return proto;
    }
}
