using System.Text.Json;
using Lmc.HealthSurveillance.Detection.Channels;
using Lmc.HealthSurveillance.Detection.Ears;
using Lmc.HealthSurveillance.Detection.Engine;
using Lmc.HealthSurveillance.Detection.Series;

namespace Lmc.HealthSurveillance.Detection.Tests;

public sealed class DetectionSettingsJsonTests
{
    [Fact]
    public void Members_left_out_of_the_json_keep_their_defaults()
    {
        const string json = """
            {
              "earsMethods": ["C2"],
              "ears": { "thresholdMultiplier": 2.5 },
              "endemicChannel": { "variant": "Geometric" },
              "epidemicYears": [2019],
              "missingWeeks": "TreatAsZero"
            }
            """;

        var settings = JsonSerializer.Deserialize<DetectionSettings>(json, JsonSerializerOptions.Web)!;

        Assert.Equal([EarsMethod.C2], settings.EarsMethods);
        Assert.Equal(new EarsParameters(ThresholdMultiplier: 2.5), settings.Ears);
        Assert.Equal(0.2, settings.Ears.MinimumStandardDeviation);
        Assert.Equal(new ChannelSettings(ChannelVariant.Geometric), settings.EndemicChannel);
        Assert.Equal((2d, 5, 7), (settings.EndemicChannel!.Multiplier, settings.EndemicChannel.MinimumYears, settings.EndemicChannel.MaximumYears));
        Assert.Equal([2019], settings.EpidemicYears);
        Assert.Equal(MissingWeekPolicy.TreatAsZero, settings.MissingWeeks);
    }

    [Fact]
    public void An_empty_object_is_the_default_settings()
    {
        var settings = JsonSerializer.Deserialize<DetectionSettings>("{}")!;

        Assert.Equal([EarsMethod.C1, EarsMethod.C2, EarsMethod.C3], settings.EarsMethods);
        Assert.Equal(EarsParameters.Default, settings.Ears);
        Assert.Null(settings.EndemicChannel);
        Assert.Empty(settings.EpidemicYears);
        Assert.Equal(MissingWeekPolicy.Reject, settings.MissingWeeks);
    }

    [Fact]
    public void Settings_round_trip_through_json_with_enums_by_name()
    {
        var settings = new DetectionSettings
        {
            EarsMethods = [EarsMethod.C1, EarsMethod.C3],
            Ears = new EarsParameters(MinimumStandardDeviation: 0.5),
            EndemicChannel = new ChannelSettings(ChannelVariant.MeanStandardDeviation, MinimumYears: 6),
            EpidemicYears = [2019, 2023],
        };

        var json = JsonSerializer.Serialize(settings);
        var read = JsonSerializer.Deserialize<DetectionSettings>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(read));
        Assert.Contains("\"EarsMethods\":[\"C1\",\"C3\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"Variant\":\"MeanStandardDeviation\"", json, StringComparison.Ordinal);
        Assert.Equal(settings.Ears, read.Ears);
        Assert.Equal(settings.EndemicChannel, read.EndemicChannel);
    }

    [Fact]
    public void A_null_list_in_the_json_is_refused_when_the_engine_is_built()
    {
        var settings = JsonSerializer.Deserialize<DetectionSettings>("""{"EarsMethods":null}""")!;

        Assert.Throws<ArgumentException>(() => new ThresholdEngine(settings));
    }
}
