using System.Globalization;
using System.Text;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Lmc.Contracts.WaterResources.V1;
using Lmc.WaterResources.Domain;
using TrendDirection = Lmc.Contracts.WaterResources.V1.TrendDirection;
using Verdict = Lmc.WaterResources.Domain.TrendDirection;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Testing.TestTokens;
using static Lmc.WaterResources.Tests.WaterResourcesServiceFactory;

namespace Lmc.WaterResources.Tests;

/// <summary>
/// Water quality (para 46): samples classified for human health and aquatic life by the shipped indices, a year's
/// rating over all its samples, and each parameter's Mann-Kendall trend.
/// </summary>
[Collection(WaterResourcesServiceGroup.Name)]
public sealed class WaterQualityTests(WaterResourcesServiceFactory service)
{
    private const string Pakse = "013901"; // Lao PDR, a water-quality station
    private const string ChiangKhan = "011903"; // Thailand, levels only

    /// <summary>Every human-health and aquatic-life target met, most exactly at its bound.</summary>
    private static readonly Dictionary<string, double> Clean = new()
    {
        ["ph"] = 6.0,
        ["conductivity"] = 150,
        ["dissolved-oxygen"] = 5.0,
        ["cod"] = 5.0,
        ["ammonium"] = 0.1,
        ["nitrite-nitrate"] = 5.0,
        ["total-phosphorus"] = 0.13,
        ["faecal-coliform"] = 1000,
    };

    private Task<ImportObservationsCsvResponse> ImportAsync(
        string station, string country, params (DateOnly Date, IReadOnlyDictionary<string, double> Values)[] samples)
    {
        var units = service.Services.GetRequiredService<Catalogue>();
        var csv = new StringBuilder("station,property,time,value,unit\n");
        foreach (var (date, values) in samples)
        {
            foreach (var (property, value) in values)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{station},{property},{date:yyyy-MM-dd}T09:00:00+07:00,{value},{units.UnitOf(property)}\n");
            }
        }

        return service.Client().ImportObservationsCsvAsync(new ImportObservationsCsvRequest
        {
            Csv = new HttpBody { ContentType = "text/csv", Data = ByteString.CopyFromUtf8(csv.ToString()) },
        }, FocalPoint(country)).ResponseAsync;
    }

    private static Metadata Reader(string country) =>
        Bearer(For(country, Lmc.BuildingBlocks.Auth.LmcRoles.Secretariat));

    private static Dictionary<string, double> With(string property, double value) =>
        new(Clean) { [property] = value };

    private Task<GetWaterQualityResponse> QualityAsync(string from = "2020-01-01", string to = "2025-12-31") =>
        service.Client().GetWaterQualityAsync(
            new GetWaterQualityRequest { Station = Pakse, From = from, To = to }, Reader("TH")).ResponseAsync;

    [Fact]
    public async Task A_sample_meeting_every_target_at_its_bound_is_excellent_for_health_and_high_for_aquatic_life()
    {
        await service.ResetAsync(Pakse);
        await ImportAsync(Pakse, "LA", (new DateOnly(2021, 2, 10), Clean));

        var sample = Assert.Single((await QualityAsync()).Samples);

        Assert.Equal("2021-02-10", sample.Date);
        var health = sample.Scores.Single(s => s.Index == "human-health");
        Assert.Equal(
            (10.0, "Excellent", 1, 6, 6),
            (health.Value, health.ClassName, health.ClassRank, health.Measured, health.Met));
        var aquatic = sample.Scores.Single(s => s.Index == "aquatic-life");
        Assert.Equal((10.0, "High", 1), (aquatic.Value, aquatic.ClassName, aquatic.ClassRank));
        Assert.Empty(aquatic.Failed);
        Assert.Equal("MPN/100mL", sample.Values.Single(v => v.Property == "faecal-coliform").Unit);
    }

    [Fact]
    public async Task A_parameter_past_its_target_costs_its_point_in_each_index_that_targets_it()
    {
        await service.ResetAsync(Pakse);
        // Ammonium 0.2 mg/L: within human health's 0.5, past aquatic life's 0.1. Dissolved oxygen 4.5: above health's
        // minimum of 4, below aquatic life's 5. Health keeps all six points; aquatic life has four of six.
        var sample = With("ammonium", 0.2);
        sample["dissolved-oxygen"] = 4.5;
        await ImportAsync(Pakse, "LA", (new DateOnly(2021, 4, 12), sample));

        var scores = Assert.Single((await QualityAsync()).Samples).Scores;

        var health = scores.Single(s => s.Index == "human-health");
        Assert.Equal((10.0, "Excellent"), (health.Value, health.ClassName));
        var aquatic = scores.Single(s => s.Index == "aquatic-life");
        Assert.Equal((6.67, "Moderate", 3, 4), (aquatic.Value, aquatic.ClassName, aquatic.ClassRank, aquatic.Met));
        Assert.Equal(["ammonium", "dissolved-oxygen"], aquatic.Failed);
    }

    [Fact]
    public async Task A_year_is_rated_over_all_its_samples_not_by_averaging_classes()
    {
        await service.ResetAsync(Pakse);
        // Six bimonthly samples; faecal coliform past 1,000 in two of them: 34 of 36 health points.
        var dates = Enumerable.Range(0, 6).Select(k => new DateOnly(2022, 1 + (2 * k), 15)).ToList();
        await ImportAsync(Pakse, "LA", [.. dates.Select((d, k) =>
            (d, (IReadOnlyDictionary<string, double>)(k < 2 ? With("faecal-coliform", 5000) : Clean)))]);

        var year = Assert.Single((await QualityAsync()).Years);

        Assert.Equal((2022, 6), (year.Year, year.Samples));
        var health = year.Scores.Single(s => s.Index == "human-health");
        Assert.Equal((9.44, "Good", 36, 34), (health.Value, health.ClassName, health.Measured, health.Met));
        Assert.Equal(["faecal-coliform"], health.Failed);

        var basin = await service.Client().ListWaterQualityRatingsAsync(
            new ListWaterQualityRatingsRequest { Year = 2022 }, Reader("VN"));
        var pakse = basin.Stations.Single(s => s.Station == Pakse);
        Assert.Equal(Lmc.Contracts.Common.V1.Country.La, pakse.Country);
        Assert.Equal(9.44, pakse.Rating.Scores.Single(s => s.Index == "human-health").Value);
    }

    [Fact]
    public async Task A_steady_rise_in_phosphorus_is_an_increasing_trend_with_its_Sen_slope_and_a_flat_pH_is_none()
    {
        await service.ResetAsync(Pakse);
        // Ten bimonthly samples, phosphorus up 0.012 mg/L each (0.072 a year), pH alternating around 7.
        var start = new DateOnly(2020, 1, 10);
        await ImportAsync(Pakse, "LA", [.. Enumerable.Range(0, 10).Select(k => (start.AddMonths(2 * k),
            (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
            {
                ["total-phosphorus"] = 0.05 + (0.012 * k),
                ["ph"] = k % 2 == 0 ? 7.1 : 6.9,
                ["cod"] = 2.0 + k,
            }))]);

        var trends = (await QualityAsync()).Trends;

        var phosphorus = trends.Single(t => t.Property == "total-phosphorus");
        Assert.Equal(TrendDirection.Increasing, phosphorus.Direction);
        Assert.Equal(10, phosphorus.Samples);
        Assert.Equal(1.0, phosphorus.Tau);
        Assert.InRange(phosphorus.SlopePerYear, 0.068, 0.076);
        Assert.True(phosphorus.PValue < 0.001);
        Assert.Equal("mg/L", phosphorus.Unit);
        Assert.Equal(TrendDirection.NoTrend, trends.Single(t => t.Property == "ph").Direction);
        // Measured but never sampled: no verdict.
        Assert.Equal(TrendDirection.TooFewSamples, trends.Single(t => t.Property == "faecal-coliform").Direction);
        Assert.False(trends.Single(t => t.Property == "faecal-coliform").HasSlopePerYear);
    }

    [Fact]
    public void Mann_Kendall_matches_the_textbook_statistic_with_ties_corrected()
    {
        var at = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // 1..10 rising: S = 45, Var(S) = 10*9*25/18 = 125, Z = 44 / sqrt(125) = 3.9355, p = 8.3e-5.
        var rising = TrendTest.Of([.. Enumerable.Range(1, 10).Select(i => (at.AddDays(365.25 * i), (double)i))]);
        Assert.Equal(Verdict.Increasing, rising.Direction);
        Assert.Equal(1.0, rising.Tau);
        Assert.Equal(0.0001, rising.PValue);
        Assert.Equal(1.0, rising.SlopePerYear!.Value, 9);

        // All ties: S = 0 and no trend; seven points are too few.
        var flat = TrendTest.Of([.. Enumerable.Range(1, 9).Select(i => (at.AddDays(i), 3.0))]);
        Assert.Equal(Verdict.NoTrend, flat.Direction);
        Assert.Equal(0.0, flat.SlopePerYear);
        Assert.Equal(Verdict.TooFewSamples,
            TrendTest.Of([.. Enumerable.Range(1, 7).Select(i => (at.AddDays(i), (double)i))]).Direction);
    }

    [Fact]
    public async Task A_station_without_water_quality_parameters_is_refused_with_what_it_measures()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Client().GetWaterQualityAsync(
            new GetWaterQualityRequest { Station = ChiangKhan }, Reader("TH")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("not a water-quality station", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_indices_name_only_known_properties_and_an_index_naming_another_is_refused_at_start()
    {
        var rules = service.Services.GetRequiredService<WaterQualityRules>();
        Assert.Equal(["human-health", "aquatic-life"], rules.Indices.Select(i => i.Code));
        Assert.Equal(10, rules.Parameters.Count);

        const string Stray = """
            { "parameters": ["ph"], "indices": [ { "code": "x", "name": "x",
              "classes": [ { "name": "A", "atLeast": 0 } ], "targets": [ { "property": "arsenic", "max": 0.01 } ] } ] }
            """;
        var error = Assert.Throws<InvalidOperationException>(
            () => WaterQualityRules.Parse(Stray, service.Services.GetRequiredService<Catalogue>()));
        Assert.Contains("arsenic", error.Message, StringComparison.Ordinal);
    }
}
