using Lmc.BuildingBlocks.Domain;
using NetTopologySuite.Geometries;

namespace Lmc.Connectivity.Domain;

/// <summary>
/// Geometry rules of the network: WGS 84 (SRID 4326), longitude first as GeoJSON (RFC 7946) has it, inside the
/// Lancang-Mekong region, lines that do not cross themselves. Refusals name the field and say how to fix it.
/// </summary>
public static class Geo
{
    public const int Srid = 4326;

    /// <summary>
    /// The region's box with a margin: Myanmar's west coast (92.2 E) to Guangxi's coast (109.6 E), the Gulf of
    /// Thailand's islands (5.6 N, Thailand's south) to Yunnan's north (29.2 N).
    /// </summary>
    public static readonly Envelope Region = new(91.0, 111.0, 5.0, 30.0);

    private const double EarthRadiusKm = 6371.0088;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), Srid);

    public static Point CheckPoint(double longitude, double latitude, string field, ValidationErrors errors)
    {
        CheckPosition(longitude, latitude, field, errors);
        return Factory.CreatePoint(new Coordinate(longitude, latitude));
    }

    /// <summary>A link's line: two positions at least, each in the region, not crossing itself.</summary>
    public static LineString? CheckLine(IReadOnlyList<(double Longitude, double Latitude)> positions, string field, ValidationErrors errors)
    {
        if (positions.Count < 2)
        {
            errors.Add(field, "a line needs at least two positions");
            return null;
        }

        var before = errors.Count;
        for (var i = 0; i < positions.Count; i++)
        {
            CheckPosition(positions[i].Longitude, positions[i].Latitude, $"{field}[{i}]", errors);
        }

        if (errors.Count > before)
        {
            return null;
        }

        var line = Factory.CreateLineString([.. positions.Select(p => new Coordinate(p.Longitude, p.Latitude))]);
        if (line.Length == 0)
        {
            errors.Add(field, "every position of the line is the same point");
        }
        else if (!line.IsSimple)
        {
            errors.Add(field, "the line crosses itself; give the path in order, without loops");
        }

        return line;
    }

    /// <summary>Great-circle length along the line, in km (mean Earth radius).</summary>
    public static double LengthKm(LineString line)
    {
        var total = 0.0;
        for (var i = 1; i < line.NumPoints; i++)
        {
            total += DistanceKm(line.GetCoordinateN(i - 1), line.GetCoordinateN(i));
        }

        return total;
    }

    public static double DistanceKm(Coordinate a, Coordinate b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Y - a.Y);
        var dLon = Radians(b.X - a.X);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(a.Y)) * Math.Cos(Radians(b.Y)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static void CheckPosition(double longitude, double latitude, string field, ValidationErrors errors)
    {
        if (!double.IsFinite(longitude) || !double.IsFinite(latitude))
        {
            errors.Add(field, "longitude and latitude must be numbers");
        }
        else if (!Region.Contains(longitude, latitude) && Region.Contains(latitude, longitude))
        {
            errors.Add(field, $"({longitude}, {latitude}) lies outside the region but ({latitude}, {longitude}) inside it: "
                + "the coordinates look swapped; give longitude first, then latitude (GeoJSON order)");
        }
        else if (Math.Abs(longitude) > 180 || Math.Abs(latitude) > 90)
        {
            errors.Add(field, $"({longitude}, {latitude}) is not a WGS 84 position: longitude is -180 to 180, latitude -90 to 90");
        }
        else if (!Region.Contains(longitude, latitude))
        {
            errors.Add(field, $"({longitude}, {latitude}) lies outside the Lancang-Mekong region "
                + $"(longitude {Region.MinX} to {Region.MaxX}, latitude {Region.MinY} to {Region.MaxY})");
        }
    }
}
