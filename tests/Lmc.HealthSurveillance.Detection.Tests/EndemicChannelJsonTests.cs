using System.Text.Json;
using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Weeks;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class EndemicChannelJsonTests
{
    [Fact]
    public void A_channel_round_trips_through_json_with_its_parameters()
    {
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, HistoryBuilder.Standard().Build(),
            new ChannelSettings(ChannelVariant.Geometric, Multiplier: 1.96), epidemicYears: [2010]);

        var json = JsonSerializer.Serialize(channel);
        var read = JsonSerializer.Deserialize<EndemicChannel>(json)!;

        Assert.Equal(channel.Settings, read.Settings);
        Assert.Equal(channel.YearsUsed, read.YearsUsed);
        Assert.Equal(channel.Weeks.Select(w => (w.Week, w.Lower, w.Centre, w.Upper)), read.Weeks.Select(w => (w.Week, w.Lower, w.Centre, w.Upper)));
        Assert.Equal(json, JsonSerializer.Serialize(read));
        // Enums are stored by name, so reordering members never changes stored channels.
        Assert.Contains("\"Variant\":\"Geometric\"", json, StringComparison.Ordinal);
        Assert.Contains("\"QuantileMethod\":\"LinearInterpolation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"System\":\"Iso\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Multiplier\":1.96", json, StringComparison.Ordinal);
        Assert.Equal(read.Weeks[19].Upper, read.UpperLimit(EpiWeek.Of(2020, 20, WeekSystem.Iso)));
    }

    [Fact]
    public void A_channel_without_enough_years_round_trips_with_its_reason()
    {
        var channel = EndemicChannelBuilder.Build(2020, WeekSystem.Iso, new HistoryBuilder().Years(2018, 2019, 1).Build());

        var read = JsonSerializer.Deserialize<EndemicChannel>(JsonSerializer.Serialize(channel))!;

        Assert.Equal(ChannelStatus.InsufficientYears, read.Status);
        Assert.Equal(channel.Note, read.Note);
        Assert.Empty(read.Weeks);
    }
}
