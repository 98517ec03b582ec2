using Lmc.BuildingBlocks.Domain;
using Lmc.WaterResources.Application;
using Lmc.WaterResources.Domain;
using Proto = Lmc.Contracts.WaterResources.V1;

namespace Lmc.WaterResources.Grpc;

/// <summary>Water quality's views as messages: scores in each index, samples, years and trends.</summary>
public static class QualityMapping
{
    public static Proto.GetWaterQualityResponse ToProto(StationQuality quality, Catalogue catalogue)
    {
        var response = new Proto.GetWaterQualityResponse
        {
            Station = quality.Station.Code,
            From = quality.From.ToIsoDate(),
            To = quality.To.ToIsoDate(),
        };
        response.Samples.AddRange(quality.Samples.Select(s =>
        {
            var sample = new Proto.QualitySample { Date = s.Date.ToIsoDate() };
            sample.Values.AddRange(s.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v =>
                new Proto.QualityValue { Property = v.Key, Value = v.Value, Unit = catalogue.UnitOf(v.Key) }));
            sample.Scores.AddRange(Scores(s.Scores));
            return sample;
        }));
        response.Years.AddRange(quality.Years.Select(ToProto));
        response.Trends.AddRange(quality.Trends.Select(t =>
        {
            var trend = new Proto.ParameterTrend
            {
                Property = t.Property,
                Unit = catalogue.UnitOf(t.Property),
                Samples = t.Trend.Samples,
                Direction = (Proto.TrendDirection)t.Trend.Direction,
            };
            if (t.Trend.SlopePerYear is { } slope)
            {
                trend.SlopePerYear = Math.Round(slope, 6);
            }

            if (t.Trend.PValue is { } p)
            {
                trend.PValue = p;
            }

            if (t.Trend.Tau is { } tau)
            {
                trend.Tau = tau;
            }

            return trend;
        }));
        return response;
    }

    public static Proto.QualityYear ToProto(QualityYear year)
    {
        var proto = new Proto.QualityYear { Year = year.Year, Samples = year.Samples };
        proto.Scores.AddRange(Scores(year.Scores));
        return proto;
    }

    /// <summary>
    /// The indices a sample or year was scored in; one that measured none of its targets is left out.
    /// </summary>
    private static IEnumerable<Proto.QualityScore> Scores(IReadOnlyDictionary<string, QualityScore?> scores) =>
        scores.Where(s => s.Value is not null).Select(s => new Proto.QualityScore
        {
            Index = s.Key,
            Value = s.Value!.Index,
            ClassName = s.Value.Class.Name,
            ClassRank = s.Value.Rank,
            Measured = s.Value.Measured,
            Met = s.Value.Met,
            Failed = { s.Value.Failed },
        });
}
