using Lmc.BuildingBlocks.Domain;
using NetTopologySuite.Geometries;

namespace Lmc.Connectivity.Domain;

/// <summary>What a link is made of beyond its ends, as the JWG enters it; the mode decides which fields apply.</summary>
public sealed record LinkSpec(
    string? Code,
    string? Name,
    LinkMode Mode,
    LinkStatus Status,
    IReadOnlyList<(double Longitude, double Latitude)> Path,
    IReadOnlyList<string> OwnerCountries,
    string? RouteNumber = null,
    int GaugeMm = 0,
    string? NavigableClass = null,
    double VoltageKv = 0,
    double CapacityMw = 0,
    double CapacityGbps = 0,
    double SpeedKmh = 0,
    double CostUsdPerTonneKm = 0,
    DateOnly? OpenedOn = null,
    DateOnly? PlannedCompletion = null);

/// <summary>
/// A link of the network by mode (road with its Asian Highway / GMS number, rail with gauge, inland waterway with
/// its class, air route, power interconnector with kV and MW, terrestrial fibre with Gbps) between two nodes, with
/// its lifecycle status. Routes use a link only while it is open (operational or upgrading).
/// </summary>
public sealed class Link : ICoded
{
    /// <summary>How far a drawn path may start or end from its nodes.</summary>
    public const double EndToleranceKm = 5;

    private static readonly Dictionary<LinkStatus, LinkStatus[]> Next = new()
    {
        [LinkStatus.Planned] = [LinkStatus.UnderConstruction, LinkStatus.Operational],
        [LinkStatus.UnderConstruction] = [LinkStatus.Operational, LinkStatus.Planned],
        [LinkStatus.Operational] = [LinkStatus.Upgrading, LinkStatus.Closed],
        [LinkStatus.Upgrading] = [LinkStatus.Operational, LinkStatus.Closed],
        [LinkStatus.Closed] = [LinkStatus.Operational, LinkStatus.Upgrading],
    };

    private Link()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The edge number pgRouting knows it by (an identity column).</summary>
    public long Number { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public LinkMode Mode { get; private set; }

    public LinkStatus Status { get; private set; }

    public Guid FromNodeId { get; private set; }

    public Guid ToNodeId { get; private set; }

    public LineString Path { get; private set; } = null!;

    public double LengthKm { get; private set; }

    public string[] OwnerCountries { get; private set; } = [];

    public string? RouteNumber { get; private set; }

    public int? GaugeMm { get; private set; }

    public string? NavigableClass { get; private set; }

    public double? VoltageKv { get; private set; }

    public double? CapacityMw { get; private set; }

    public double? CapacityGbps { get; private set; }

    public double SpeedKmh { get; private set; }

    public double CostUsdPerTonneKm { get; private set; }

    public DateOnly? OpenedOn { get; private set; }

    public DateOnly? PlannedCompletion { get; private set; }

    public string? StatusReason { get; private set; }

    public DateOnly? StatusChangedOn { get; private set; }

    public long Version { get; private set; }

    /// <summary>The registry's projects that build or upgrade it (checked against the projects service when set).</summary>
    public Guid[] ProjectIds { get; private set; } = [];

    public bool IsOpen => LinkModes.IsOpen(Status);

    public double TravelHours => SpeedKmh > 0 ? LengthKm / SpeedKmh : 0;

    public double CostUsdPerTonne => LengthKm * CostUsdPerTonneKm;

    public static Link Create(LinkSpec spec, Node from, Node to, DateOnly today)
    {
        var errors = new ValidationErrors();
        var code = Codes.Check(spec.Code, "code", errors);
        var name = Codes.CheckName(spec.Name, "name", errors);
        if (!Enum.IsDefined(spec.Mode))
        {
            errors.Add("mode", "is required: road, rail, inland waterway, air, power or fibre");
        }

        if (!Enum.IsDefined(spec.Status))
        {
            errors.Add("status", "is required: planned, under construction, operational, upgrading or closed");
        }

        if (from.Id == to.Id)
        {
            errors.Add("to_node", "a link joins two different nodes");
        }

        var path = spec.Path.Count == 0
            ? Geo.Factory.CreateLineString([from.Location.Coordinate.Copy(), to.Location.Coordinate.Copy()])
            : Geo.CheckLine(spec.Path, "path", errors);
        if (path is not null && spec.Path.Count > 0)
        {
            CheckEnd(path.StartPoint.Coordinate, from, "path", "starts", errors);
            CheckEnd(path.EndPoint.Coordinate, to, "path", "ends", errors);
        }

        var owners = spec.OwnerCountries.Distinct().ToArray();
        if (owners.Length == 0)
        {
            owners = new[] { from.Country, to.Country }.Distinct().ToArray();
        }

        foreach (var owner in owners)
        {
            Codes.CheckCountry(owner, "owner_countries", errors);
        }

        var link = new Link
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = name,
            Mode = spec.Mode,
            Status = spec.Status,
            FromNodeId = from.Id,
            ToNodeId = to.Id,
            Path = path!,
            LengthKm = path is null ? 0 : Math.Round(Geo.LengthKm(path), 3),
            OwnerCountries = owners,
            StatusChangedOn = today,
            Version = 1,
        };
        link.ApplyModeAttributes(spec, errors);
        link.ApplyDates(spec, today, errors);
        errors.ThrowIfAny();
        return link;
    }

    /// <summary>Moves the link to <paramref name="status"/>; the first opening dates it.</summary>
    public void ChangeStatus(LinkStatus status, string? reason, DateOnly effectiveOn, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(status))
        {
            errors.Add("status", "is required");
        }

        var why = reason?.Trim() ?? "";
        if (why.Length == 0 || why.Length > 1000)
        {
            errors.Add("reason", "is required, at most 1000 characters");
        }

        if (effectiveOn > today)
        {
            errors.Add("effective_on", "is in the future; record a change once it has happened");
        }
        else if (StatusChangedOn is { } last && effectiveOn < last)
        {
            errors.Add("effective_on", $"is before the link's last change ({last:yyyy-MM-dd})");
        }

        errors.ThrowIfAny();
        if (status == Status || !Next[Status].Contains(status))
        {
            throw new RuleViolationException("link.invalid-transition",
                $"Link {Code} is {Describe(Status)}; it can become {string.Join(" or ", Next[Status].Select(Describe))}, not {Describe(status)}.");
        }

        if (status == LinkStatus.Operational && OpenedOn is null)
        {
            OpenedOn = effectiveOn;
        }

        Status = status;
        StatusReason = why;
        StatusChangedOn = effectiveOn;
        Version++;
    }

    public static string Describe(LinkStatus status) => status switch
    {
        LinkStatus.UnderConstruction => "under construction",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void CheckEnd(Coordinate end, Node node, string field, string verb, ValidationErrors errors)
    {
        var km = Geo.DistanceKm(end, node.Location.Coordinate);
        if (km > EndToleranceKm)
        {
            errors.Add(field, $"{verb} {km:0.#} km from {node.Code}; a path {verb} within {EndToleranceKm} km of its node");
        }
    }

    private void ApplyModeAttributes(LinkSpec spec, ValidationErrors errors)
    {
        RouteNumber = Optional(spec.RouteNumber, "route_number", spec.Mode == LinkMode.Road, errors);
        NavigableClass = Optional(spec.NavigableClass, "navigable_class", spec.Mode == LinkMode.InlandWaterway, errors);
        GaugeMm = spec.GaugeMm == 0 ? null : spec.GaugeMm;
        if (spec.Mode == LinkMode.Rail && spec.GaugeMm is < 600 or > 1700)
        {
            errors.Add("gauge_mm", "a railway's gauge in mm is required (1435 standard, 1000 metre gauge)");
        }
        else if (spec.Mode != LinkMode.Rail && spec.GaugeMm != 0)
        {
            errors.Add("gauge_mm", "applies to rail only");
        }

        VoltageKv = Measure(spec.VoltageKv, "voltage_kv", spec.Mode == LinkMode.Power, errors);
        CapacityMw = Measure(spec.CapacityMw, "capacity_mw", spec.Mode == LinkMode.Power, errors);
        CapacityGbps = Measure(spec.CapacityGbps, "capacity_gbps", spec.Mode == LinkMode.Fibre, errors);

        var freight = LinkModes.Freight.Contains(spec.Mode);
        SpeedKmh = Rate(spec.SpeedKmh, "speed_kmh", freight, LinkModes.DefaultSpeedKmh(spec.Mode), 1000, errors);
        CostUsdPerTonneKm = Rate(spec.CostUsdPerTonneKm, "cost_usd_per_tonne_km", freight, LinkModes.DefaultCostPerTonneKm(spec.Mode), 100, errors);
    }

    /// <summary>The projects of a link being created (its first version).</summary>
    public Link WithProjects(IReadOnlyCollection<Guid> projectIds)
    {
        ProjectIds = [.. projectIds.Distinct()];
        return this;
    }

    /// <summary>Replaces the projects that build or upgrade it: the ids are the registry's, checked before this is called.</summary>
    public void SetProjects(IReadOnlyCollection<Guid> projectIds, long expectedVersion)
    {
        if (expectedVersion != 0 && expectedVersion != Version)
        {
            throw new ConcurrencyException("link", Code, expectedVersion, Version);
        }

        ProjectIds = [.. projectIds.Distinct()];
        Version++;
    }

    private void ApplyDates(LinkSpec spec, DateOnly today, ValidationErrors errors)
    {
        OpenedOn = spec.OpenedOn;
        PlannedCompletion = spec.PlannedCompletion;
        if (spec.OpenedOn > today)
        {
            errors.Add("opened_on", "is in the future; a link opens when it has opened");
        }

        if (spec.OpenedOn is not null && spec.Status is LinkStatus.Planned or LinkStatus.UnderConstruction)
        {
            errors.Add("opened_on", "a planned link or one under construction has not opened yet");
        }
    }

    private static string? Optional(string? value, string field, bool applies, ValidationErrors errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is not null && !applies)
        {
            errors.Add(field, "does not apply to this mode");
        }
        else if (text is { Length: > 100 })
        {
            errors.Add(field, "is at most 100 characters");
        }

        return text;
    }

    private static double? Measure(double value, string field, bool required, ValidationErrors errors)
    {
        if (required && !(value > 0 && double.IsFinite(value)))
        {
            errors.Add(field, "is required for this mode and must be positive");
        }
        else if (!required && value != 0)
        {
            errors.Add(field, "does not apply to this mode");
        }

        return required ? value : null;
    }

    private static double Rate(double value, string field, bool freight, double fallback, double max, ValidationErrors errors)
    {
        if (!freight)
        {
            if (value != 0)
            {
                errors.Add(field, "applies to freight modes only (road, rail, inland waterway, air)");
            }

            return 0;
        }

        if (value == 0)
        {
            return fallback;
        }

        if (!(value > 0 && value <= max))
        {
            errors.Add(field, $"must be above 0 and at most {max}");
        }

        return value;
    }
}
