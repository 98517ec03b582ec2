using Google.Protobuf.WellKnownTypes;
using Lmc.Contracts.WaterResources.V1;
using static Lmc.WaterResources.Tests.WaterResourcesServiceFactory;

namespace Lmc.WaterResources.Tests;

/// <summary>The river's profile, a station's hydrograph against past years, and the season's peaks.</summary>
[Collection(WaterResourcesServiceGroup.Name)]
public sealed class BasinViewTests(WaterResourcesServiceFactory service)
{
    private const string Vientiane = "011901"; // Lao PDR, alarm 11.5 m, flood 12.5 m, zero gauge 158.04 m
    private const string Kratie = "014901"; // Cambodia, flood 23.0 m

    [Fact]
    public async Task The_profile_lists_the_mainstream_downstream_with_each_latest_level_against_the_flood_level()
    {
        await service.ResetAsync(Vientiane);
        await service.LevelsAsync(Vientiane, "LA", Hourly(10.9, 11.0));

        var profile = await service.Client().GetRiverProfileAsync(new GetRiverProfileRequest(), FocalPoint("MM"));

        Assert.Equal("Mekong", profile.River);
        var codes = profile.Points.Select(p => p.Station).ToList();
        Assert.True(
            codes.IndexOf("092600") < codes.IndexOf(Vientiane) && codes.IndexOf(Vientiane) < codes.IndexOf("019803"));
        Assert.DoesNotContain("033401", codes); // Chaktomuk is on the Bassac
        var vientiane = profile.Points.Single(p => p.Station == Vientiane);
        Assert.Equal(11.0, vientiane.State.LevelM);
        Assert.Equal(-1.5, vientiane.ToFloodM);
        Assert.Equal(169.04, vientiane.ElevationM);
        Assert.Equal(12.5, vientiane.State.Levels.FloodM);
    }

    [Fact]
    public async Task The_hydrograph_sets_the_days_beside_the_same_days_of_past_years_and_peaks_count_days_above_flood()
    {
        await service.ResetAsync(Kratie);
        var season = DateTime.UtcNow.Year - 2;
        // Two seasons of daily levels at 07:00 local: the older one above the 23.0 m flood level for three days in
        // August.
        var values = new List<ObservationValue>();
        foreach (var year in new[] { season - 1, season })
        {
            for (var day = new DateTime(year, 6, 1); day <= new DateTime(year, 10, 31); day = day.AddDays(1))
            {
                var level = year == season - 1 && day.Month == 8 && day.Day is >= 10 and <= 12
                    ? 23.4
                    : 15 + 5 * Math.Sin((day.DayOfYear - 150) / 50.0);
                values.Add(new ObservationValue
                {
                    Time = Timestamp.FromDateTimeOffset(new DateTimeOffset(day.AddHours(7), TimeSpan.FromHours(7))),
                    Value = level,
                });
            }
        }

        await service.LevelsAsync(Kratie, "KH", values);
        var graph = await service.Client().GetHydrographAsync(new GetHydrographRequest
        {
            Station = Kratie, From = $"{season}-08-01", To = $"{season}-08-31", PastYears = 3,
        }, FocalPoint("TH"));
        var peaks = await service.Client().GetSeasonPeaksAsync(
            new GetSeasonPeaksRequest { Year = season - 1 }, FocalPoint("TH"));

        Assert.Equal(31, graph.Current.Days.Count);
        var past = Assert.Single(graph.Past);
        Assert.Equal(season - 1, past.Year);
        Assert.Equal(23.4, past.Days.Single(d => d.Date == $"{season - 1}-08-11").MaxM);
        Assert.Equal(23.0, graph.Levels.FloodM);
        var kratie = peaks.Peaks.Single(p => p.Station == Kratie);
        Assert.Equal(23.4, kratie.PeakM);
        Assert.Equal($"{season - 1}-08-10", kratie.PeakDate);
        Assert.Equal(3, kratie.DaysAboveFlood);
    }

    [Fact]
    public async Task Stations_list_what_they_measure_and_which_values_were_filled_in()
    {
        var stations = await service.Client().ListStationsAsync(
            new ListStationsRequest { Country = Lmc.Contracts.Common.V1.Country.Th }, FocalPoint("CN"));

        var nakhon = stations.Stations.Single(s => s.Name == "Nakhon Phanom");
        Assert.Equal("LMC-NAK", nakhon.Code);
        Assert.Contains("code", nakhon.FilledIn);
        Assert.All(stations.Stations, s => Assert.Equal(Lmc.Contracts.Common.V1.Country.Th, s.Country));
        Assert.Contains("dissolved-oxygen", nakhon.Measures);
    }
}
