using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Google.Protobuf.WellKnownTypes;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.WaterResources.V1;
using static Lmc.Testing.TestTokens;
using static Lmc.WaterResources.Tests.WaterResourcesServiceFactory;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// The SensorThings read API (Things, Locations, Datastreams, ObservedProperties, Sensors, Observations with $filter,
/// $orderby, $top, $skip, $count and next links) and a datastream's export as WaterML 2.0 and CSV.
/// </summary>
[Collection(WaterResourcesServiceGroup.Name)]
public sealed class SensorThingsTests(WaterResourcesServiceFactory service)
{
    private const string KhongChiam = "013801"; // Thailand
    private const string Sta = "/api/v1/water-resources/sta/v1.1";
    private static readonly DateTimeOffset July1 = new(2024, 7, 1, 7, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Ten daily levels at Khong Chiam, 1 to 10 July 2024 at 07:00 local: 8.0, 8.1 ... 8.9 m.</summary>
    private async Task TenDaysAsync()
    {
        await service.ResetAsync(KhongChiam);
        await service.Client().RecordObservationsAsync(new RecordObservationsRequest
        {
            Station = KhongChiam,
            Property = "water-level",
            Unit = "m",
            Values =
            {
                Enumerable.Range(0, 10).Select(d => new ObservationValue
                {
                    Time = Timestamp.FromDateTimeOffset(July1.AddDays(d)), Value = Math.Round(8.0 + (d / 10.0), 1),
                }),
            },
        }, FocalPoint("TH"));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? Type)> GetAsync(
        string path, string? country = "VN")
    {
        var token = country is null ? null : For(country, LmcRoles.Secretariat);
        using var response = await service.RestClient(token).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
            response.Content.Headers.ContentType?.MediaType);
    }

    private static List<double> Results(JsonElement body) =>
        [.. body.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("result").GetDouble())];

    [Fact]
    public async Task Every_station_is_a_Thing_paged_with_a_next_link_and_counted_on_request()
    {
        var (status, first, _) = await GetAsync($"{Sta}/Things?$top=5&$count=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(29, first.GetProperty("@iot.count").GetInt32());
        Assert.Equal(5, first.GetProperty("value").GetArrayLength());
        var jinghong = first.GetProperty("value")[0];
        Assert.Equal("092600", jinghong.GetProperty("@iot.id").GetString());
        Assert.Equal("CN", jinghong.GetProperty("properties").GetProperty("country").GetString());
        Assert.EndsWith("/Things('092600')/Datastreams",
            jinghong.GetProperty("Datastreams@iot.navigationLink").GetString(), StringComparison.Ordinal);

        var next = new Uri(first.GetProperty("@iot.nextLink").GetString()!);
        var (_, second, _) = await GetAsync(next.PathAndQuery);
        // The sixth in the file's order, upstream to downstream: Vientiane.
        Assert.Equal("011901", second.GetProperty("value")[0].GetProperty("@iot.id").GetString());

        // $top=0 is the count alone, with no next link that would never advance.
        var (_, counted, _) = await GetAsync($"{Sta}/Things?$top=0&$count=true");
        Assert.Equal((29, 0), (counted.GetProperty("@iot.count").GetInt32(), counted.GetProperty("value").GetArrayLength()));
        Assert.False(counted.TryGetProperty("@iot.nextLink", out _));

        var (_, location, _) = await GetAsync($"{Sta}/Things('{KhongChiam}')/Locations");
        var point = location.GetProperty("value")[0].GetProperty("location");
        Assert.Equal("Point", point.GetProperty("type").GetString());
        Assert.InRange(point.GetProperty("coordinates")[0].GetDouble(), 105, 106); // longitude first, as GeoJSON
    }

    [Fact]
    public async Task A_station_s_datastreams_carry_their_unit_and_the_span_of_their_observations()
    {
        await TenDaysAsync();

        var (_, streams, _) = await GetAsync($"{Sta}/Things('{KhongChiam}')/Datastreams");
        var level = streams.GetProperty("value").EnumerateArray()
            .Single(d => d.GetProperty("@iot.id").GetString() == $"{KhongChiam}:water-level");
        Assert.Equal("m", level.GetProperty("unitOfMeasurement").GetProperty("symbol").GetString());
        Assert.Equal("2024-07-01T00:00:00Z/2024-07-10T00:00:00Z", level.GetProperty("phenomenonTime").GetString());
        var rainfall = streams.GetProperty("value").EnumerateArray()
            .Single(d => d.GetProperty("@iot.id").GetString() == $"{KhongChiam}:rainfall");
        Assert.Equal(JsonValueKind.Null, rainfall.GetProperty("phenomenonTime").ValueKind);

        var (_, sensor, _) = await GetAsync($"{Sta}/Datastreams('{KhongChiam}:discharge')/Sensor");
        Assert.Equal("rating-curve", sensor.GetProperty("@iot.id").GetString());
        var (_, property, _) = await GetAsync($"{Sta}/Datastreams('{KhongChiam}:water-level')/ObservedProperty");
        Assert.Equal("Water level", property.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Observations_are_filtered_on_time_and_result_ordered_and_paged()
    {
        await TenDaysAsync();
        var observations = $"{Sta}/Datastreams('{KhongChiam}:water-level')/Observations";

        // 3 to 5 July (local 07:00 is 00:00 UTC): three days, newest first, two at a time.
        var (status, page, _) = await GetAsync(observations
            + "?$filter=phenomenonTime ge 2024-07-03T00:00:00Z and phenomenonTime lt 2024-07-06T00:00:00Z"
            + "&$orderby=phenomenonTime desc&$top=2&$count=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([8.4, 8.3], Results(page));
        Assert.Equal(3, page.GetProperty("@iot.count").GetInt32());
        Assert.Equal("2024-07-05T00:00:00Z", page.GetProperty("value")[0].GetProperty("phenomenonTime").GetString());
        var (_, rest, _) = await GetAsync(new Uri(page.GetProperty("@iot.nextLink").GetString()!).PathAndQuery);
        Assert.Equal([8.2], Results(rest));
        Assert.False(rest.TryGetProperty("@iot.nextLink", out _));

        var (_, high, _) = await GetAsync(observations + "?$filter=result gt 8.65&$orderby=result desc");
        Assert.Equal([8.9, 8.8, 8.7], Results(high));
        var (_, offset, _) = await GetAsync(observations + "?$filter=phenomenonTime le '2024-07-02T07:00:00%2B07:00'");
        Assert.True(offset.TryGetProperty("value", out _), offset.ToString());
        Assert.Equal([8.0, 8.1], Results(offset));
    }

    [Theory]
    [InlineData("$expand=Thing", "$expand")]
    [InlineData("$filter=name eq 'x'", "$filter")]
    [InlineData("$filter=phenomenonTime ge 2024-07-03", "$filter")]
    [InlineData("$top=100000", "$top")]
    [InlineData("$orderby=value", "$orderby")]
    public async Task A_query_option_the_service_does_not_answer_is_refused_by_name(string query, string field)
    {
        var (status, problem, type) = await GetAsync(
            $"{Sta}/Datastreams('{KhongChiam}:water-level')/Observations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_datastream_is_not_found_and_the_api_needs_a_token()
    {
        var (missing, _, _) = await GetAsync($"{Sta}/Datastreams('011903:ph')/Observations");
        var (anonymous, _, _) = await GetAsync($"{Sta}/Things", country: null);

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
    }

    [Fact]
    public async Task A_datastream_exports_as_WaterML_2_with_every_point_and_as_CSV_in_the_import_s_columns()
    {
        await TenDaysAsync();
        var client = service.RestClient(For("KH", LmcRoles.Secretariat));

        using var xml = await client.GetAsync(
            $"/api/v1/water-resources/export/{KhongChiam}/water-level?format=waterml2");
        var document = XDocument.Parse(await xml.Content.ReadAsStringAsync());
        XNamespace wml2 = "http://www.opengis.net/waterml/2.0", gml = "http://www.opengis.net/gml/3.2";
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Equal(wml2 + "Collection", document.Root!.Name);
        var points = document.Descendants(wml2 + "MeasurementTVP").ToList();
        Assert.Equal(10, points.Count);
        Assert.Equal("2024-07-01T07:00:00+07:00", points[0].Element(wml2 + "time")!.Value);
        Assert.Equal("8.9", points[^1].Element(wml2 + "value")!.Value);
        Assert.Equal("m", document.Descendants(wml2 + "uom").Single().Attribute("code")!.Value);
        Assert.Equal(2, document.Descendants(gml + "pos").Single().Value.Split(' ').Length);

        using var csv = await client.GetAsync(
            $"/api/v1/water-resources/export/{KhongChiam}/water-level?format=csv&from=2024-07-09T00:00:00Z");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("station,property,time,value,unit,version,recorded_at", lines[0].TrimEnd('\r'));
        Assert.Equal(
            [$"{KhongChiam},water-level,2024-07-09T07:00:00+07:00,8.8,m,1",
                $"{KhongChiam},water-level,2024-07-10T07:00:00+07:00,8.9,m,1"],
            lines.Skip(1).Select(l => string.Join(',', l.TrimEnd('\r').Split(',').Take(6))));

        // A span without observations is the header alone; a time without an offset is refused, naming the field.
        using var empty = await client.GetAsync(
            $"/api/v1/water-resources/export/{KhongChiam}/water-level?format=csv&from=2030-01-01T00:00:00Z");
        Assert.Equal("station,property,time,value,unit,version,recorded_at\n", await empty.Content.ReadAsStringAsync());
        using var local = await client.GetAsync(
            $"/api/v1/water-resources/export/{KhongChiam}/water-level?format=csv&from=2024-07-09T07:00:00");
        Assert.Equal(HttpStatusCode.BadRequest, local.StatusCode);
        Assert.Contains("\"from\"", await local.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrong = await client.GetAsync($"/api/v1/water-resources/export/{KhongChiam}/water-level?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }
}
