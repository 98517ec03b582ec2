using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.WaterResources.V1;
using Lmc.Testing;
using Microsoft.EntityFrameworkCore;
using static Lmc.Testing.TestTokens;
using static Lmc.WaterResources.Tests.WaterResourcesServiceFactory;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// Observations in: one, a series, CSV; the station's country alone; units checked; corrections keep history.
/// </summary>
[Collection(WaterResourcesServiceGroup.Name)]
public sealed class ObservationTests(WaterResourcesServiceFactory service)
{
    private const string Pakse = "013901"; // Lao PDR
    private const string StungTreng = "014501"; // Cambodia

    private Task<RecordObservationResponse> Record(
        string station,
        string country,
        double value,
        DateTimeOffset at,
        string unit = "m",
        string property = "water-level",
        int corrects = 0) =>
        service.Client().RecordObservationAsync(new RecordObservationRequest
        {
            Station = station,
            Property = property,
            Time = Timestamp.FromDateTimeOffset(at),
            Value = value,
            Unit = unit,
            CorrectsVersion = corrects,
        }, FocalPoint(country)).ResponseAsync;

    private Task<int> CountAsync(string station) =>
        service.InDatabaseAsync(db => db.Observations.CountAsync(o => o.StationCode == station));

    [Fact]
    public async Task The_stations_country_records_a_level_in_metres()
    {
        await service.ResetAsync(Pakse);

        var recorded = await Record(Pakse, "LA", 6.42, HoursAgo(2));

        Assert.Equal(1, recorded.Observation.Version);
        Assert.Equal("m", recorded.Observation.Unit);
        Assert.Equal(6.42, recorded.State.LevelM);
        Assert.Equal(StationStatus.Unknown, recorded.State.Status);
    }

    [Theory]
    [InlineData("cm")]
    [InlineData("ft")]
    [InlineData("")]
    public async Task A_level_in_another_unit_is_refused_naming_the_unit(string unit)
    {
        await service.ResetAsync(Pakse);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Record(Pakse, "LA", 642, HoursAgo(2), unit));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("m", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(Pakse));
    }

    [Fact]
    public async Task A_discharge_is_recorded_in_cubic_metres_a_second_and_a_level_value_in_it_is_implausible()
    {
        await service.ResetAsync(Pakse);

        await Record(Pakse, "LA", 14_500, HoursAgo(3), "m3/s", "discharge");
        var refused = await Assert.ThrowsAsync<RpcException>(() => Record(Pakse, "LA", 640, HoursAgo(3), "m"));

        Assert.Contains("plausible", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_countrys_observation_of_a_station_is_refused_before_anything_is_read()
    {
        await service.ResetAsync(Pakse);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Record(Pakse, "TH", 6.0, HoursAgo(2)));
        var admin = await Assert.ThrowsAsync<RpcException>(() => service.Client().RecordObservationAsync(
            new RecordObservationRequest
            {
                Station = Pakse,
                Property = "water-level",
                Unit = "m",
                Value = 6,
                Time = Timestamp.FromDateTimeOffset(HoursAgo(2)),
            },
            Bearer(For(null, LmcRoles.Admin))).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("LA", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, admin.StatusCode);
        Assert.Equal(0, await CountAsync(Pakse));
    }

    [Fact]
    public async Task A_correction_names_the_version_it_replaces_and_the_old_value_stays_in_the_history()
    {
        await service.ResetAsync(Pakse);
        var at = HoursAgo(5);
        await Record(Pakse, "LA", 6.42, at);

        var again = await Assert.ThrowsAsync<RpcException>(() => Record(Pakse, "LA", 6.24, at));
        var corrected = await Record(Pakse, "LA", 6.24, at, corrects: 1);
        var stale = await Assert.ThrowsAsync<RpcException>(() => Record(Pakse, "LA", 6.25, at, corrects: 1));
        var history = await service.Client().GetObservationHistoryAsync(new GetObservationHistoryRequest
        {
            Station = Pakse, Property = "water-level", Time = Timestamp.FromDateTimeOffset(at),
        }, FocalPoint("VN"));

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal(2, corrected.Observation.Version);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal([2, 1], history.Versions.Select(v => v.Version));
        Assert.Equal([6.24, 6.42], history.Versions.Select(v => v.Value));
    }

    [Fact]
    public async Task A_series_with_one_bad_value_records_nothing_and_names_the_value()
    {
        await service.ResetAsync(StungTreng);
        var values = Hourly(5.1, 5.2, 5.3, 5.4).ToList();
        values[2].Value = double.NaN;

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.LevelsAsync(StungTreng, "KH", values));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("values[2]", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(StungTreng));
    }

    [Fact]
    public async Task A_season_of_15_minute_readings_is_recorded_at_once_and_recorded_times_are_refused_unless_corrected()
    {
        await service.ResetAsync(StungTreng);
        var start = HoursAgo(24 * 60);
        var values = Enumerable.Range(0, 96 * 59).Select(i => new ObservationValue
        {
            Time = Timestamp.FromDateTimeOffset(start.AddMinutes(15 * i)), Value = 5 + Math.Sin(i / 500.0),
        }).ToList();

        var first = await service.LevelsAsync(StungTreng, "KH", values);
        var twice = await Assert.ThrowsAsync<RpcException>(
            () => service.LevelsAsync(StungTreng, "KH", values.Take(10)));
        var corrected = await service.Client().RecordObservationsAsync(new RecordObservationsRequest
        {
            Station = StungTreng,
            Property = "water-level",
            Unit = "m",
            Values = { values.Take(10) },
            CorrectExisting = true,
        }, FocalPoint("KH"));

        Assert.Equal(values.Count, first.Summary.Recorded);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal(10, corrected.Summary.Corrected);
        Assert.Equal(values.Count, await CountAsync(StungTreng));
        Assert.Equal(10, await service.InDatabaseAsync(
            db => db.ObservationRevisions.CountAsync(o => o.StationCode == StungTreng)));
    }

    [Fact]
    public async Task CSV_of_several_properties_is_recorded_over_REST_and_a_bad_row_is_named_with_nothing_written()
    {
        await service.ResetAsync(Pakse);
        var t1 = HoursAgo(3).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var t2 = HoursAgo(2).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var good = $"station,property,time,value,unit\n{Pakse},water-level,{t1},6.10,m\n"
            + $"{Pakse},water-level,{t2},6.15,m\n{Pakse},rainfall,{t2},12.5,mm\n";
        var bad = $"station,property,time,value,unit\n{Pakse},water-level,{t1},6.10,m\n"
            + $"{Pakse},water-level,2025-08-20 07:00,6.15,m\n";
        var client = service.RestClient(For("LA", LmcRoles.WaterFocalPoint));

        using var refused = await client.PostAsync(
            "/api/v1/water-resources/observations:import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var problem = await refused.Content.ReadAsStringAsync();
        var countAfterBad = await CountAsync(Pakse);
        using var accepted = await client.PostAsync(
            "/api/v1/water-resources/observations:import", new StringContent(good, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("row 3", problem, StringComparison.Ordinal);
        Assert.Equal(0, countAfterBad);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var body = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal(3, body.RootElement.GetProperty("summary").GetProperty("recorded").GetInt32());
    }

    [Fact]
    public async Task A_reading_in_the_future_is_refused_as_a_forecast()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(
            () => Record(Pakse, "LA", 6.0, DateTimeOffset.UtcNow.AddHours(3)));

        Assert.Contains("SubmitForecast", refused.Status.Detail, StringComparison.Ordinal);
    }
}
