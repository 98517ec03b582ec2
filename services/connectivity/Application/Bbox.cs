using System.Globalization;
using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Domain;
using NetTopologySuite.Geometries;

namespace Lmc.Connectivity.Application;

/// <summary>An OGC API - Features bbox: "minLon,minLat,maxLon,maxLat" in WGS 84.</summary>
public sealed record Bbox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public Polygon Polygon { get; } = Geo.Factory.CreatePolygon([
        new(MinLongitude, MinLatitude), new(MaxLongitude, MinLatitude), new(MaxLongitude, MaxLatitude),
        new(MinLongitude, MaxLatitude), new(MinLongitude, MinLatitude)]);

    public static Bbox? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',');
        var values = new double[parts.Length];
        var parsed = parts.Length == 4 && parts.Select((p, i) =>
            double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok);
        if (!parsed || values[0] > values[2] || values[1] > values[3] || Math.Abs(values[0]) > 180 || Math.Abs(values[2]) > 180
            || Math.Abs(values[1]) > 90 || Math.Abs(values[3]) > 90)
        {
            throw new ValidationException("bbox", "is minLongitude,minLatitude,maxLongitude,maxLatitude in WGS 84 degrees, minimum first");
        }

        return new Bbox(values[0], values[1], values[2], values[3]);
    }
}
