using System.Text;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Contracts.WaterResources.V1;
using Lmc.WaterResources.Application;
using Lmc.WaterResources.Domain;
using static Lmc.WaterResources.Grpc.WaterMapping;
using Domain = Lmc.WaterResources.Domain;
using Proto = Lmc.Contracts.WaterResources.V1;

namespace Lmc.WaterResources.Grpc;

/// <summary>
/// lmc.waterresources.v1.WaterResourcesService. Reads need the read scope and writes the write scope, from each
/// RPC's verb (MapLmcGrpcService); which country enters a station's data, and whose copy of a warning a caller
/// acknowledges, is checked against the caller before anything else (Application/Stewards).
/// </summary>
public sealed class WaterResourcesGrpcService(
    Catalogue catalogue,
    ObservationCommands observations,
    StationCommands stations,
    WarningCommands warnings,
    WaterQueries queries,
    WaterQualityQueries quality)
    : WaterResourcesService.WaterResourcesServiceBase
{
    private static readonly ServiceCard Card = CardOf(
        ContractAccess.OwnerOf(WaterResourcesService.Descriptor, ServiceManifests.FromRepository()));

    public override Task<GetAboutResponse> GetAbout(GetAboutRequest request, ServerCallContext context) =>
        Task.FromResult(new GetAboutResponse
        {
            Name = Card.Name,
            Summary = Card.Summary,
            Owner = Card.Owner,
            ReadScope = Card.ReadScope,
            WriteScope = Card.WriteScope,
        });

    public override async Task<ListStationsResponse> ListStations(
        ListStationsRequest request, ServerCallContext context)
    {
        var views = await queries.StationsAsync(
            request.Country.OptionalCode("country"), request.River, request.Measures, context.CancellationToken);
        var response = new ListStationsResponse();
        response.Stations.AddRange(views.Select(ToProto));
        return response;
    }

    public override async Task<GetStationResponse> GetStation(GetStationRequest request, ServerCallContext context) =>
        new() { Station = ToProto(await queries.StationAsync(request.Station, context.CancellationToken)) };

    public override async Task<SetLevelsResponse> SetLevels(SetLevelsRequest request, ServerCallContext context)
    {
        var (levels, outcome) = await stations.SetLevelsAsync(
            context.Caller(),
            request.Station,
            new NewLevels(
                request.ValidFrom,
                request.HasAlarmM ? request.AlarmM : null,
                request.HasFloodM ? request.FloodM : null,
                request.HasDroughtM ? request.DroughtM : null,
                request.HasRapidRiseMPer24H ? request.RapidRiseMPer24H : null,
                request.DroughtWindowDays,
                request.Source,
                request.ExpectedVersion),
            context.CancellationToken);
        var response = new SetLevelsResponse
        {
            Levels = ToProto(levels),
            State = outcome is null ? null : ToProto(outcome),
        };
        response.Warnings.AddRange(outcome?.Warnings.Select(w => ToProto(w)) ?? []);
        return response;
    }

    public override async Task<ListLevelsResponse> ListLevels(ListLevelsRequest request, ServerCallContext context)
    {
        var response = new ListLevelsResponse();
        response.Versions.AddRange(
            (await queries.LevelsAsync(request.Station, context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<RecordObservationResponse> RecordObservation(
        RecordObservationRequest request, ServerCallContext context)
    {
        var input = new SeriesInput(request.Station, request.Property, request.Unit,
            [new Reading(Required(request.Time, "time"), request.Value)]);
        var (observation, result) = await observations.RecordAsync(
            context.Caller(), input, request.CorrectsVersion, context.CancellationToken);
        var response = new RecordObservationResponse
        {
            Observation = ToProto(observation, catalogue.UnitOf(observation.Property)),
            State = result.Outcomes.Count == 0 ? null : ToProto(result.Outcomes[0]),
        };
        response.Warnings.AddRange(result.Warnings.Select(w => ToProto(w)));
        return response;
    }

    public override async Task<RecordObservationsResponse> RecordObservations(
        RecordObservationsRequest request, ServerCallContext context)
    {
        var readings = request.Values
            .Select((v, i) => new Reading(Required(v.Time, $"values[{i}].time"), v.Value))
            .ToList();
        var result = await observations.RecordSeriesAsync(
            context.Caller(),
            new SeriesInput(request.Station, request.Property, request.Unit, readings),
            request.CorrectExisting,
            context.CancellationToken);
        return new() { Summary = ToProto(result) };
    }

    public override async Task<ImportObservationsCsvResponse> ImportObservationsCsv(
        ImportObservationsCsvRequest request, ServerCallContext context)
    {
        var csv = request.Csv?.Data is { IsEmpty: false } data ? data.ToString(Encoding.UTF8)
            : throw new ValidationException(
                "csv",
                "the request body is empty; send text/csv with a header row station,property,time,value,unit");
        return new()
        {
            Summary = ToProto(await observations.ImportCsvAsync(context.Caller(), csv, context.CancellationToken)),
        };
    }

    public override async Task<ListObservationsResponse> ListObservations(
        ListObservationsRequest request, ServerCallContext context)
    {
        var (items, truncated) = await queries.ObservationsAsync(
            request.Station,
            request.Property,
            Optional(request.From),
            Optional(request.To),
            request.Limit,
            context.CancellationToken);
        var response = new ListObservationsResponse { Truncated = truncated };
        response.Observations.AddRange(items.Select(o => ToProto(o, catalogue.UnitOf(o.Property))));
        return response;
    }

    public override async Task<GetObservationHistoryResponse> GetObservationHistory(
        GetObservationHistoryRequest request, ServerCallContext context)
    {
        var versions = await queries.HistoryAsync(
            request.Station, request.Property, Required(request.Time, "time"), context.CancellationToken);
        var response = new GetObservationHistoryResponse();
        response.Versions.AddRange(versions.Select(o => ToProto(o, catalogue.UnitOf(o.Property))));
        return response;
    }

    public override async Task<SubmitForecastResponse> SubmitForecast(
        SubmitForecastRequest request, ServerCallContext context)
    {
        var (_, outcome) = await stations.SubmitForecastAsync(
            context.Caller(),
            request.Station,
            Required(request.IssuedAt, "issued_at"),
            [.. request.Values.Select(v => (v.LeadDays, v.LevelM))],
            context.CancellationToken);
        var response = new SubmitForecastResponse { State = outcome is null ? null : ToProto(outcome) };
        response.Warnings.AddRange(outcome?.Warnings.Select(w => ToProto(w)) ?? []);
        return response;
    }

    public override async Task<IssueUrgentNoticeResponse> IssueUrgentNotice(
        IssueUrgentNoticeRequest request, ServerCallContext context)
    {
        var direction = request.Direction == Proto.ChangeDirection.Unspecified
            ? (Domain.ChangeDirection?)null
            : (Domain.ChangeDirection)request.Direction;
        var warning = await warnings.IssueNoticeAsync(
            context.Caller(),
            request.Station,
            direction,
            request.ExpectedChangeM,
            Optional(request.From) ?? default,
            Optional(request.Until) ?? default,
            request.Reason,
            context.CancellationToken);
        return new() { Warning = ToProto(warning) };
    }

    public override async Task<ListWarningsResponse> ListWarnings(
        ListWarningsRequest request, ServerCallContext context)
    {
        var kind = request.Kind == Proto.WarningKind.Unspecified
            ? (Domain.WarningKind?)null
            : (Domain.WarningKind)request.Kind;
        var (items, next) = await queries.WarningsAsync(
            request.IncludeLifted,
            request.Station,
            kind,
            request.Page.PageSize(),
            request.Page?.PageToken,
            context.CancellationToken);
        var response = new ListWarningsResponse { Page = new() { NextPageToken = next } };
        response.Warnings.AddRange(items.Select(w => ToProto(w)));
        return response;
    }

    public override async Task<GetWarningResponse> GetWarning(GetWarningRequest request, ServerCallContext context) =>
        new()
        {
            Warning = ToProto(
                await queries.WarningAsync(Id(request.WarningId, "warning_id"), context.CancellationToken)),
        };

    public override async Task<ListInboxResponse> ListInbox(ListInboxRequest request, ServerCallContext context)
    {
        var (country, items) = await queries.InboxAsync(
            context.Caller(),
            request.Country.OptionalCode("country"),
            request.UnacknowledgedOnly,
            context.CancellationToken);
        var response = new ListInboxResponse { Country = CommonMapping.ToCountry(country) };
        response.Items.AddRange(items.Select(i => new InboxItem
        {
            Warning = ToProto(i.Warning, withDeliveries: false),
            Delivery = ToProto(i.Delivery),
        }));
        return response;
    }

    public override async Task<AcknowledgeWarningResponse> AcknowledgeWarning(
        AcknowledgeWarningRequest request, ServerCallContext context)
    {
        var (_, delivery) = await warnings.AcknowledgeAsync(
            context.Caller(), Id(request.WarningId, "warning_id"), request.Note, context.CancellationToken);
        return new() { Delivery = ToProto(delivery) };
    }

    public override async Task<GetRiverProfileResponse> GetRiverProfile(
        GetRiverProfileRequest request, ServerCallContext context)
    {
        var views = await queries.ProfileAsync(request.River, context.CancellationToken);
        var response = new GetRiverProfileResponse
        {
            River = views[0].Station.River,
            AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
                views.Select(v => v.State?.ObservedAt)
                    .Where(t => t is not null)
                    .DefaultIfEmpty(DateTimeOffset.UnixEpoch)
                    .Max()!.Value),
        };
        foreach (var view in views)
        {
            var point = new ProfilePoint
            {
                Station = view.Station.Code,
                Name = view.Station.Name,
                Country = CommonMapping.ToCountry(view.Station.Country),
                State = ToProto(view.State, view.Levels),
            };
            if (view.Station.ZeroGaugeM is { } zero)
            {
                point.ZeroGaugeM = zero;
                if (view.State?.LevelM is { } level && view.Station.Datum == "gauge")
                {
                    point.ElevationM = Math.Round(level + zero, 3);
                }
            }

            if (view.State?.LevelM is { } latest && view.Levels.FloodM is { } flood)
            {
                point.ToFloodM = Math.Round(latest - flood, 3);
            }

            response.Points.Add(point);
        }

        return response;
    }

    public override async Task<GetHydrographResponse> GetHydrograph(
        GetHydrographRequest request, ServerCallContext context)
    {
        var graph = await queries.HydrographAsync(
            request.Station, request.From, request.To, request.PastYears, context.CancellationToken);
        var response = new GetHydrographResponse
        {
            Station = graph.Station.Code,
            Current = ToProto(graph.To.Year, graph.Current),
            Levels = ToProto(graph.Levels),
        };
        response.Past.AddRange(graph.Past.Select(p => ToProto(p.Year, p.Days)));
        return response;
    }

    public override async Task<GetSeasonPeaksResponse> GetSeasonPeaks(
        GetSeasonPeaksRequest request, ServerCallContext context)
    {
        var peaks = await queries.SeasonPeaksAsync(request.Year, request.River, context.CancellationToken);
        var response = new GetSeasonPeaksResponse { Year = peaks.Season };
        foreach (var peak in peaks.Peaks)
        {
            var proto = new Proto.SeasonPeak
            {
                Station = peak.Station.Code,
                Name = peak.Station.Name,
                PeakDate = peak.PeakDate?.ToIsoDate() ?? "",
                DaysAboveFlood = peak.DaysAboveFlood,
            };
            if (peak.PeakM is { } top)
            {
                proto.PeakM = top;
            }

            if (peak.FloodM is { } flood)
            {
                proto.FloodM = flood;
            }

            response.Peaks.Add(proto);
        }

        return response;
    }

    private static ServiceCard CardOf(ServiceManifest manifest) => new(manifest.Name, manifest.Summary, manifest.Owner);

    public override async Task<GetWaterQualityResponse> GetWaterQuality(
        GetWaterQualityRequest request, ServerCallContext context) =>
        QualityMapping.ToProto(
            await quality.StationAsync(request.Station, request.From, request.To, context.CancellationToken), catalogue);

    public override async Task<ListWaterQualityRatingsResponse> ListWaterQualityRatings(
        ListWaterQualityRatingsRequest request, ServerCallContext context)
    {
        var basin = await quality.BasinAsync(request.Year, context.CancellationToken);
        var response = new ListWaterQualityRatingsResponse { Year = basin.Year };
        response.Stations.AddRange(basin.Stations.Select(s => new StationRating
        {
            Station = s.Station.Code,
            Name = s.Station.Name,
            Country = CommonMapping.ToCountry(s.Station.Country),
            Rating = QualityMapping.ToProto(s.Rating),
        }));
        return response;
    }
}
