namespace Lmc.Connectivity.Domain;

/// <summary>
/// A flood warning of the water-resources service as connectivity keeps it: the reach (a circle around the gauging
/// station) and the links it put at risk when it arrived. At risk is a flag beside a link's status, not a status: the
/// link stays open and routes still use it. A warning lifted before its issue arrived (the two events travel on two
/// queues) is kept as lifted with no links, so the late issue marks nothing.
/// </summary>
public sealed class FloodRisk
{
    /// <summary>Links this far beyond the reach's circle are at risk too: embankments and approaches flood first.</summary>
    public const double MarginKm = 2;

    /// <summary>The modes a flood closes; air, power and fibre are not marked.</summary>
    public static readonly LinkMode[] Modes = [LinkMode.Road, LinkMode.Rail, LinkMode.InlandWaterway];

    private FloodRisk()
    {
    }

    public Guid WarningId { get; private set; }

    public string Kind { get; private set; } = "";

    public string StationCode { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public double ReachRadiusKm { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public List<Guid> LinkIds { get; private set; } = [];

    public bool Active => LiftedAt is null;

    public static FloodRisk Issued(
        Guid warningId,
        string kind,
        string stationCode,
        string headline,
        double latitude,
        double longitude,
        double reachRadiusKm,
        DateTimeOffset validFrom,
        IEnumerable<Guid> linkIds) => new()
        {
            WarningId = warningId,
            Kind = kind,
            StationCode = stationCode,
            Headline = headline,
            Latitude = latitude,
            Longitude = longitude,
            ReachRadiusKm = reachRadiusKm,
            ValidFrom = validFrom,
            LinkIds = [.. linkIds.Distinct()],
        };

    /// <summary>The lifting of a warning whose issue has not arrived: nothing marked, and nothing to mark later.</summary>
    public static FloodRisk LiftedBeforeIssued(Guid warningId, string kind, string stationCode, DateTimeOffset liftedAt) =>
        new()
        {
            WarningId = warningId,
            Kind = kind,
            StationCode = stationCode,
            Headline = $"{kind} warning at {stationCode}, lifted before it arrived",
            ValidFrom = liftedAt,
            LiftedAt = liftedAt,
        };

    public void Lift(DateTimeOffset at) => LiftedAt ??= at;
}
