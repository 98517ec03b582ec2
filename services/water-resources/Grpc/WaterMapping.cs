using Google.Protobuf.WellKnownTypes;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.WaterResources.Application;
using Lmc.WaterResources.Domain;
using Proto = Lmc.Contracts.WaterResources.V1;

namespace Lmc.WaterResources.Grpc;

/// <summary>
/// Domain to proto for the water-resources contract; enums are cast, their numbers being the proto's.
/// </summary>
internal static class WaterMapping
{
    public static Proto.Station ToProto(StationView view)
    {
        var s = view.Station;
        var station = new Proto.Station
        {
            Code = s.Code,
            Name = s.Name,
            Country = CommonMapping.ToCountry(s.Country),
            River = s.River,
            Kind = s.Kind,
            ForecastPoint = s.ForecastPoint,
            Source = s.Source,
            State = ToProto(view.State, view.Levels),
        };
        if (s.Latitude is { } lat && s.Longitude is { } lon)
        {
            station.Latitude = lat;
            station.Longitude = lon;
        }

        if (s.ZeroGaugeM is { } zero)
        {
            station.ZeroGaugeM = zero;
        }

        station.Measures.AddRange(s.Measures);
        station.ReachUnits.AddRange(s.ReachUnits);
        station.FilledIn.AddRange(s.FilledIn);
        return station;
    }

    public static Proto.StationState ToProto(StationState? state, LevelSet levels)
    {
        var proto = new Proto.StationState
        {
            Status = (Proto.StationStatus)(state?.Status ?? StationStatus.Unknown),
            Levels = ToProto(levels),
        };
        if (state?.LevelM is { } level)
        {
            proto.LevelM = level;
            proto.ObservedAt = Timestamp.FromDateTimeOffset(state.ObservedAt!.Value);
        }

        if (state?.Change24hM is { } change)
        {
            proto.Change24HM = change;
        }

        return proto;
    }

    public static Proto.StationState ToProto(Outcome outcome) => ToProto(outcome.State, outcome.Levels);

    public static Proto.LevelSet ToProto(LevelSet l)
    {
        var proto = new Proto.LevelSet
        {
            Version = l.Version,
            ValidFrom = l.Version == 0 ? "" : l.ValidFrom.ToIsoDate(),
            DroughtWindowDays = l.DroughtWindowDays,
            Source = l.Source,
            SetBy = l.SetBy.Length == 0
                ? Lmc.Contracts.Common.V1.Country.Unspecified
                : CommonMapping.ToCountry(l.SetBy),
            SetAt = l.SetAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        if (l.AlarmM is { } alarm)
        {
            proto.AlarmM = alarm;
        }

        if (l.FloodM is { } flood)
        {
            proto.FloodM = flood;
        }

        if (l.DroughtM is { } drought)
        {
            proto.DroughtM = drought;
        }

        if (l.RapidRiseMPer24h is { } rise)
        {
            proto.RapidRiseMPer24H = rise;
        }

        return proto;
    }

    public static Proto.Warning ToProto(Warning w, bool withDeliveries = true)
    {
        var proto = new Proto.Warning
        {
            WarningId = w.Id.ToString(),
            Kind = (Proto.WarningKind)w.Kind,
            Station = w.StationCode,
            StationName = w.StationName,
            Country = CommonMapping.ToCountry(w.Country),
            Active = w.Active,
            Headline = w.Headline,
            Description = w.Description,
            ValueM = w.ValueM,
            ObservedAt = Timestamp.FromDateTimeOffset(w.ObservedAt),
            IssuedAt = Timestamp.FromDateTimeOffset(w.IssuedAt),
            ValidUntil = w.ValidUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
            LiftedAt = w.LiftedAt is { } lifted ? Timestamp.FromDateTimeOffset(lifted) : null,
            LiftReason = w.LiftReason,
            ForecastDate = w.ForecastDate?.ToIsoDate() ?? "",
        };
        if (w.ThresholdM is { } threshold)
        {
            proto.ThresholdM = threshold;
        }

        if (w.LevelVersion is { } version)
        {
            proto.LevelVersion = version;
        }

        if (w.PeakM is { } peak)
        {
            proto.PeakM = peak;
        }

        proto.ReachUnits.AddRange(w.ReachUnits);
        if (withDeliveries)
        {
            proto.Deliveries.AddRange(w.Deliveries.OrderBy(d => d.Country, StringComparer.Ordinal).Select(ToProto));
        }

        return proto;
    }

    public static Proto.Delivery ToProto(Delivery d) => new()
    {
        Country = CommonMapping.ToCountry(d.Country),
        DeliveredAt = Timestamp.FromDateTimeOffset(d.DeliveredAt),
        AcknowledgedAt = d.AcknowledgedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        AcknowledgedBy = d.AcknowledgedBy,
        Note = d.Note,
        EscalatedAt = d.EscalatedAt is { } escalated ? Timestamp.FromDateTimeOffset(escalated) : null,
    };

    public static Proto.Observation ToProto(Observation o, string unit) => new()
    {
        Station = o.StationCode,
        Property = o.Property,
        Time = Timestamp.FromDateTimeOffset(o.Time),
        Value = o.Value,
        Unit = unit,
        Version = o.Version,
        RecordedAt = Timestamp.FromDateTimeOffset(o.RecordedAt),
        RecordedBy = CommonMapping.ToCountry(o.RecordedBy),
    };

    public static Proto.IngestSummary ToProto(IngestResult result)
    {
        var summary = new Proto.IngestSummary { Recorded = result.Recorded, Corrected = result.Corrected };
        summary.States.AddRange(result.Outcomes.Select(ToProto));
        summary.Warnings.AddRange(result.Warnings.Select(w => ToProto(w)));
        return summary;
    }

    public static Proto.YearSeries ToProto(int year, IEnumerable<DailyLevel> days)
    {
        var series = new Proto.YearSeries { Year = year };
        series.Days.AddRange(
            days.Select(d => new Proto.DailyLevel { Date = d.Day.ToIsoDate(), MeanM = d.Mean, MaxM = d.Max }));
        return series;
    }

    public static DateTimeOffset? Optional(Timestamp? timestamp) =>
        timestamp is null ? null : timestamp.ToDateTimeOffset();

    public static DateTimeOffset Required(Timestamp? timestamp, string field) =>
        timestamp?.ToDateTimeOffset() ?? throw new ValidationException(field, "is required (an RFC 3339 time)");

    public static Guid Id(string value, string field) => CommonMapping.ParseId(value, field);
}
